#!/usr/bin/env bash
# validate-flatpak-manifest.sh — the Flatpak manifest parses, and keeps the
# promises the project makes about it (pinned sources, narrow permissions).
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: validate-flatpak-manifest.sh MANIFEST
# Exit 77 (skipped) when flatpak-builder is not installed.
set -euo pipefail

manifest=$(realpath "$1")

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "flatpak-builder is not installed: skipped"
  exit 77
fi

# flatpak-builder leaves its state directory (.flatpak-builder) where it runs.
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
cd "$workdir"

# flatpak-builder only warns about unknown properties: treat that as failure.
errors=$(flatpak-builder --show-manifest "$manifest" 2>&1 >/dev/null) || {
  echo "$errors"
  exit 1
}
if [ -n "$errors" ]; then
  echo "$errors"
  exit 1
fi

python3 - "$manifest" <<'PY'
import json, re, sys

manifest = json.load(open(sys.argv[1]))
problems = []

if manifest.get("id") != "org.example.Porting":
    problems.append("id is not org.example.Porting")
if manifest.get("command") != "porting":
    problems.append("command is not porting")

for arg in manifest.get("finish-args", []):
    if arg.startswith("--filesystem") or arg == "--socket=session-bus" or arg == "--socket=x11":
        problems.append(f"finish-arg {arg} is broader than needed (documents come through the portal)")

for module in manifest.get("modules", []):
    if isinstance(module, str):
        continue
    for source in module.get("sources", []):
        if source.get("type") in ("archive", "file"):
            if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                problems.append(f"{module['name']}: {source.get('url')} has no sha256")
            if not source.get("url", "").startswith("https://"):
                problems.append(f"{module['name']}: {source.get('url')} is not https")
        if source.get("type") == "git" and not source.get("commit"):
            problems.append(f"{module['name']}: git source without a pinned commit")

if manifest["modules"][-1].get("name") != "porting":
    problems.append("the last module is not porting")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
echo "$manifest: valid"
