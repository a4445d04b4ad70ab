#!/usr/bin/env python3
# check-merged-translations.py — the built desktop file and metainfo carry every language in LINGUAS
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-merged-translations.py LINGUAS DESKTOP-FILE METAINFO-FILE
#
# Software centres and launchers show these two files, not the .mo: a
# language missing here is an untranslated app listing.

import sys
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def languages(linguas_path):
    with open(linguas_path, encoding='utf-8') as linguas:
        return [line.strip() for line in linguas
                if line.strip() and not line.strip().startswith('#')]


def main():
    linguas_path, desktop_path, metainfo_path = sys.argv[1:4]
    problems = []

    with open(desktop_path, encoding='utf-8') as desktop:
        desktop_keys = {line.split('=', 1)[0] for line in desktop if '=' in line}
    metainfo = ET.parse(metainfo_path).getroot()

    for language in languages(linguas_path):
        for key in ('Name', 'Comment', 'Keywords'):
            if f'{key}[{language}]' not in desktop_keys:
                problems.append(f'{desktop_path}: no {key}[{language}]')
        for tag in ('name', 'summary'):
            if not any(element.get(XML_LANG) == language for element in metainfo.iter(tag)):
                problems.append(f'{metainfo_path}: no <{tag} xml:lang="{language}">')

    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
