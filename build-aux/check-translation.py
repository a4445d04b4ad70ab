#!/usr/bin/env python3
# check-translation.py — every translation in po/LINGUAS is complete: no
# fuzzy or untranslated entry, both in the .po file as it is and once merged
# with a catalogue extracted afresh from the files in po/POTFILES.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# usage: check-translation.py SOURCE_ROOT

import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

# The same extraction as i18n.gettext(preset: 'glib') in po/meson.build.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

STATISTIC = re.compile(r'(\d+) (translated message|fuzzy translation|untranslated message)')


def tool(name):
    path = shutil.which(name)
    if path is None:
        sys.exit(f'{name} is missing: install gettext')
    return path


def statistics(po_path):
    """Returns (translated, fuzzy, untranslated), or fails on a broken catalogue."""
    result = subprocess.run([tool('msgfmt'), '--check', '--statistics', '-o', '/dev/null', str(po_path)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        return None
    counts = {'translated message': 0, 'fuzzy translation': 0, 'untranslated message': 0}
    for number, kind in STATISTIC.findall(result.stderr):
        counts[kind] = int(number)
    return (counts['translated message'], counts['fuzzy translation'], counts['untranslated message'])


def list_incomplete(po_path):
    for option, label in (('--only-fuzzy', 'fuzzy'), ('--untranslated', 'untranslated')):
        result = subprocess.run([tool('msgattrib'), option, '--no-obsolete', '--no-wrap', str(po_path)],
                                capture_output=True, text=True)
        for msgid in re.findall(r'^msgid "(.+)"$', result.stdout, re.MULTILINE):
            print(f'  {label}: {msgid}')


def check(name, po_path):
    counts = statistics(po_path)
    if counts is None:
        print(f'{name}: msgfmt --check failed')
        return False
    translated, fuzzy, untranslated = counts
    print(f'{name}: {translated} translated, {fuzzy} fuzzy, {untranslated} untranslated')
    if fuzzy or untranslated or translated == 0:
        list_incomplete(po_path)
        return False
    return True


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').resolve()
    po_dir = root / 'po'
    languages = [line.strip() for line in (po_dir / 'LINGUAS').read_text(encoding='utf-8').splitlines()
                 if line.strip() and not line.startswith('#')]
    ok = True

    with tempfile.TemporaryDirectory() as tmp:
        pot = pathlib.Path(tmp) / 'fresh.pot'
        subprocess.run([tool('xgettext'), '--package-name=porting', '--msgid-bugs-address=',
                        '-D', str(root), '-f', str(po_dir / 'POTFILES'), '-o', str(pot)] + XGETTEXT_ARGS,
                       check=True, stderr=subprocess.DEVNULL)

        for language in languages:
            po_path = po_dir / f'{language}.po'
            if not po_path.exists():
                print(f'{language}: po/{language}.po is missing')
                ok = False
                continue
            ok &= check(f'po/{language}.po', po_path)

            # Strings added to the sources since the last porting-update-po.
            merged = pathlib.Path(tmp) / f'{language}.po'
            subprocess.run([tool('msgmerge'), '--quiet', '-o', str(merged), str(po_path), str(pot)], check=True)
            if not check(f'po/{language}.po merged with the sources', merged):
                print("  run: meson compile -C BUILDDIR porting-update-po, then translate the new strings")
                ok = False

    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
