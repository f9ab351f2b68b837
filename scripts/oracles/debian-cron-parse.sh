#!/bin/sh
# Regenerates test/oracles/debian-cron-parse.json: every line from debian-cron-cases.mjs read by Debian
# cron's own parser (entry.c load_entry, env.c load_env), as a user crontab and as a system crontab.
#
# Usage: scripts/oracles/debian-cron-parse.sh [UNPACKED-DEBIAN-CRON-SOURCE]
#   Without an argument it runs `apt-get source cron` (needs deb-src) into a temporary folder.
# Needs: gcc, node. Debian's source is compiled as shipped (patches applied by dpkg-source); only our
# harness (debian-cron-harness.c) is added.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/test/oracles/debian-cron-parse.json"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -ge 1 ]; then
  src=$(cd "$1" && pwd)
else
  (cd "$work" && apt-get source cron >/dev/null 2>&1)
  src=$(find "$work" -maxdepth 1 -type d -name 'cron-*' | head -n 1)
fi
[ -f "$src/entry.c" ] && [ -f "$src/env.c" ] && [ -f "$src/debian/changelog" ] || {
  echo "not an unpacked Debian cron source: $src" >&2
  exit 1
}
version=$(sed -n '1s/^cron (\([^)]*\)).*/\1/p' "$src/debian/changelog")

# As Debian's Makefile builds it (-DPOSIX, no debugging); PAM/SELinux only touch code the harness never calls.
gcc -std=gnu89 -w -DPOSIX -DDEBUGGING=0 -I"$src" -o "$work/harness" \
  "$here/debian-cron-harness.c" "$src/entry.c" "$src/env.c" "$src/misc.c"

node "$here/debian-cron-cases.mjs" > "$work/cases.txt"
"$work/harness" < "$work/cases.txt" > "$work/results.jsonl"

{
  printf '{\n'
  printf '  "oracle": "Debian cron %s: entry.c load_entry and env.c load_env, one line per file, read as load_user() does",\n' "$version"
  printf '  "generatedBy": "scripts/oracles/debian-cron-parse.sh (harness scripts/oracles/debian-cron-harness.c, cases scripts/oracles/debian-cron-cases.mjs)",\n'
  printf '  "users": "getpwnam() knows only root; the user-crontab reading uses an ordinary user",\n'
  printf '  "cases": [\n'
  sed '$!s/$/,/; s/^/    /' "$work/results.jsonl"
  printf '  ]\n}\n'
} > "$work/table.json"

node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$work/table.json"
mkdir -p "$(dirname "$out")"
mv "$work/table.json" "$out"
echo "wrote $out ($(wc -l < "$work/results.jsonl") lines, cron $version)"
