#!/usr/bin/python3
"""Reads every case of test/oracles/configargparse-cases.json as certbot reads /etc/letsencrypt/cli.ini:
ConfigArgParse's DefaultConfigFileParser (certbot/_internal/cli/helpful.py builds a configargparse.ArgParser
with the default parser class) gives the items, and each key is then resolved the way the `--key=value`
argument ConfigArgParse makes of it is resolved by certbot's argparse parser (exact long option, unique
prefix, ambiguous prefix, or unrecognized: the last two make certbot exit with status 2).
Prints the JSON table test/oracles/configargparse.json. Run: scripts/oracles/configargparse-parse.sh
"""
import argparse
import io
import json
import os
import sys
import tempfile

import certbot
import configargparse
from certbot._internal import cli
from certbot._internal.plugins import disco

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))
shared = os.path.join(repo, 'test')  # case files name corpus/…, kept in test/corpus

with tempfile.NamedTemporaryFile('w', suffix='.ini') as empty:
    cli.prepare_and_parse_args(disco.PluginsRegistry.find_all(), ['--config', empty.name, 'certificates'])
parser = cli.helpful_parser.parser
known_keys = {key: action for action in parser._actions for key in parser.get_possible_config_keys(action)}


class Refused(Exception):
    pass


def refuse(message):
    raise Refused(message)


parser.error = refuse


def resolve(key):
    if key in known_keys:
        longs = [name for name in known_keys[key].option_strings if name.startswith('--')]
        return {'resolution': 'exact', 'option': longs[-1][2:]}
    try:
        found = parser._parse_optional(parser.get_command_line_key_for_unknown_config_file_setting(key) + '=x')
    except Refused as error:
        return {'resolution': 'ambiguous' if 'ambiguous' in str(error) else 'refused'}
    if found is None or found[0] is None:
        return {'resolution': 'unknown'}
    longs = [name for name in found[0].option_strings if name.startswith('--')]
    return {'resolution': 'prefix', 'option': longs[-1][2:]}


def parse(text):
    stream = io.StringIO(text, newline=None)
    try:
        items = configargparse.DefaultConfigFileParser().parse(stream)
    except configargparse.ConfigFileParserException as error:
        return {'error': str(error).split(' in ')[0]}
    return {'items': [{'key': key, 'value': value, **resolve(key)} for key, value in items.items()]}


def main():
    with open(os.path.join(repo, 'test', 'oracles', 'configargparse-cases.json'), encoding='utf-8') as handle:
        cases = json.load(handle)['cases']
    results = []
    for case in cases:
        text = case.get('text')
        if text is None:
            with open(os.path.join(shared, case['file']), encoding='utf-8', newline='') as handle:
                text = handle.read()
        results.append({'name': case['name'], 'text': text, **parse(text)})
    json.dump({
        'oracle': 'ConfigArgParse DefaultConfigFileParser (Debian python3-configargparse), keys resolved by certbot %s\'s parser' % certbot.__version__,
        'generatedBy': 'scripts/oracles/configargparse-parse.sh (cases test/oracles/configargparse-cases.json)',
        'cases': results,
    }, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write('\n')


main()
