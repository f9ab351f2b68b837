#!/bin/sh
# Regenerates server/src/engine/certbot/certbot-options.json from the certbot installed with Debian's
# packages (certbot and its plugins: apt-get install certbot python3-certbot-nginx python3-certbot-apache
# python3-certbot-dns-...). Imports certbot; never renews anything.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/server/src/engine/certbot/certbot-options.json"
/usr/bin/python3 "$here/certbot-options.py" > "$out.new"
mv "$out.new" "$out"
echo "wrote $out"
