#!/usr/bin/env bash
# Set up (first run only) and run every test: unit, page (AppTest) and browser (Playwright + Chromium).
# Needs Python 3.11, Debian's Chromium at /usr/bin/chromium and Node's npm (both installed here with apt-get
# when run as root; otherwise `sudo apt-get install chromium nodejs npm` first). npm installs the pinned
# axe-core into tests/browser/node_modules for the accessibility test. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup-venv.sh requirements-test.txt
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's Chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'." >&2
    exit 1
  fi
fi
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Node.js and npm for the accessibility tests..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
      echo "The accessibility tests need npm to install axe-core: run 'sudo apt-get install nodejs npm'." >&2
      exit 1
    fi
  fi
  echo "Installing axe-core (pinned in tests/browser/package-lock.json)..."
  npm ci --prefix tests/browser --no-audit --no-fund
fi
exec .venv/bin/python -m pytest "$@"
