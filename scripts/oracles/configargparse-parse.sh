#!/bin/sh
# Regenerates test/oracles/configargparse.json: the cli.ini cases of test/oracles/configargparse-cases.json read
# by ConfigArgParse and certbot as certbot reads cli.ini. Needs Debian certbot and python3-configargparse.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
/usr/bin/python3 "$here/configargparse-parse.py" > "$repo/test/oracles/configargparse.json.new"
mv "$repo/test/oracles/configargparse.json.new" "$repo/test/oracles/configargparse.json"
echo "wrote $repo/test/oracles/configargparse.json"
