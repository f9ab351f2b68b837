#!/bin/sh
# Regenerates test/oracles/configobj.json: the renewal-file cases of test/oracles/configobj-cases.json read
# by configobj as certbot reads them. Needs Debian's python3-configobj (apt-get install python3-configobj).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
/usr/bin/python3 "$here/configobj-parse.py" > "$repo/test/oracles/configobj.json.new"
mv "$repo/test/oracles/configobj.json.new" "$repo/test/oracles/configobj.json"
echo "wrote $repo/test/oracles/configobj.json"
