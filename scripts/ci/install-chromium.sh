#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the dashboard's browser tests
# (playwright-core drives it; no browser is downloaded from anywhere else). Idempotent:
#
#   bash scripts/ci/install-chromium.sh
#
# Installs with apt-get when missing (as root, or through sudo when available). Progress goes to stderr.
set -euo pipefail

chromium=/usr/bin/chromium
say() { echo "install-chromium: $*" >&2; }

if [ -x "$chromium" ]; then
  say "found $("$chromium" --version 2>/dev/null || echo "$chromium")"
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  say "$chromium is missing and this is not root: run apt-get install chromium as root, then run this again"
  exit 1
fi

say "installing Debian's chromium"
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2

if [ ! -x "$chromium" ]; then
  say "apt-get finished but $chromium is still missing"
  exit 1
fi
say "installed $("$chromium" --version 2>/dev/null || echo "$chromium")"
