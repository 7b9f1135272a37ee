#!/usr/bin/env bash
# Set up (first run only) and run every test: unit, page (AppTest) and browser (Playwright + Chromium).
# Needs Python 3.11, and Debian's Chromium at /usr/bin/chromium (installed here with apt-get when run as
# root; otherwise `sudo apt-get install chromium` first). Extra arguments go to pytest.
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
exec .venv/bin/python -m pytest "$@"
