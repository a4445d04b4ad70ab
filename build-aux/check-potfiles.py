#!/usr/bin/env python3
# check-potfiles.py — every file with translatable strings is in po/POTFILES,
# and every file listed there exists.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: check-potfiles.py [SOURCE_ROOT]

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').resolve()

C_MARKS = re.compile(r'\b(?:N?C?_|g_dngettext|g_dpgettext2|ngettext)\s*\(\s*"')
UI_MARKS = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
SCHEMA_MARKS = re.compile(r'<(?:summary|description)>')


def translatable(path):
    name = path.name
    try:
        text = path.read_text(encoding='utf-8')
    except (OSError, UnicodeDecodeError):
        return False
    if name.endswith(('.c', '.h', '.cpp', '.cc')):
        return C_MARKS.search(text) is not None
    if name.endswith('.gschema.xml'):
        return SCHEMA_MARKS.search(text) is not None
    if name.endswith(('.metainfo.xml.in', '.metainfo.xml', '.desktop', '.desktop.in')):
        return True
    if name.endswith(('.ui', '.blp', '.xml')):
        return UI_MARKS.search(text) is not None
    return False


def candidates():
    for top in ('src', 'data'):
        base = root / top
        if base.is_dir():
            yield from (p for p in sorted(base.rglob('*')) if p.is_file())
    yield from sorted(root.glob('*.desktop'))
    yield from sorted(root.glob('*.desktop.in'))


potfiles_path = root / 'po' / 'POTFILES'
listed = set()
for line in potfiles_path.read_text(encoding='utf-8').splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.add(line)

missing = [str(p.relative_to(root)) for p in candidates()
           if translatable(p) and str(p.relative_to(root)) not in listed]
stale = sorted(f for f in listed if not (root / f).is_file())

for f in missing:
    print(f'po/POTFILES is missing {f} (it has translatable strings)')
for f in stale:
    print(f'po/POTFILES lists {f}, which does not exist')

if missing or stale:
    sys.exit(1)
print(f'po/POTFILES: {len(listed)} files, complete')
