#!/usr/bin/python3
"""Reads every case of test/oracles/configobj-cases.json with configobj exactly as certbot opens a renewal
file (certbot/_internal/storage.py: ConfigObj(path, encoding='utf-8', default_encoding='utf-8'), so the
text goes through a real file) and prints the JSON table test/oracles/configobj.json.

Per case: the parse errors configobj collects (class and 1-based line; certbot gets a ConfigObjError and
skips the file, see storage.RenewableCert.__init__), and the tree it builds anyway: sections in order,
each value read through Section.__getitem__ (so with configobj's default ConfigParser-style %(name)s
interpolation, as certbot reads it), or the exception that read raises.

Run with Debian's Python (python3-configobj): scripts/oracles/configobj-parse.sh
"""
import json
import os
import sys
import tempfile

import configobj

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
shared = os.path.join(repo, 'test')  # case files name corpus/…, kept in test/corpus


def dump(section):
    items = []
    for key in section.keys():
        raw = dict.__getitem__(section, key)
        if isinstance(raw, configobj.Section):
            items.append({'section': key, 'items': dump(raw)})
            continue
        try:
            value = section[key]
        except Exception as error:  # what certbot would hit when it reads the key
            items.append({'key': key, 'error': type(error).__name__})
            continue
        items.append({'key': key, 'value': value})
    return items


def parse(text):
    with tempfile.NamedTemporaryFile('wb', suffix='.conf', delete=False) as handle:
        handle.write(text.encode('utf-8'))
        name = handle.name
    try:
        try:
            config = configobj.ConfigObj(name, encoding='utf-8', default_encoding='utf-8')
            errors = []
        except configobj.ConfigObjError as error:
            config = error.config
            found = getattr(error, 'errors', None) or [error]
            errors = [{'error': type(e).__name__, 'line': getattr(e, 'line_number', None)} for e in found]
        return {'errors': errors, 'items': dump(config) if config is not None else []}
    finally:
        os.unlink(name)


def main():
    with open(os.path.join(repo, 'test', 'oracles', 'configobj-cases.json'), encoding='utf-8') as handle:
        cases = json.load(handle)['cases']
    results = []
    for case in cases:
        text = case.get('text')
        if text is None:
            with open(os.path.join(shared, case['file']), encoding='utf-8', newline='') as handle:
                text = handle.read()
        results.append({'name': case['name'], 'text': text, **parse(text)})
    json.dump({
        'oracle': 'configobj %s (Debian python3-configobj), opened as certbot opens renewal files' % configobj.__version__,
        'generatedBy': 'scripts/oracles/configobj-parse.sh (cases test/oracles/configobj-cases.json)',
        'cases': results,
    }, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write('\n')


main()
