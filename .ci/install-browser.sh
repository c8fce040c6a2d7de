#!/usr/bin/env bash
# CI: install Debian's Chromium for the browser tests (test/web*.test.ts drive it through
# playwright-core; see ../shared/LIBRARIES.md). Never `npx playwright install`: downloads of
# Playwright's own browsers are blocked. Skips the install when Chromium is already there.
set -euo pipefail

if [ -x /usr/lib/chromium/chromium ] || [ -x /usr/bin/chromium ]; then
  echo "== chromium already installed: $(/usr/lib/chromium/chromium --version 2>/dev/null || true)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "== cannot install chromium (not root, no sudo): the browser tests will skip and say why" >&2
    exit 0
  fi
fi

echo "== installing Debian's chromium"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
/usr/lib/chromium/chromium --version || true
