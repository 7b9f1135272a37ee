#!/usr/bin/env bash
# Set up (first run only) and run every test: unit, page (AppTest), browser (Playwright + Chromium),
# accessibility (axe-core) and hosting (nginx in front of two replicas). Needs Python 3.11 and, from Debian's
# packages, chromium, nodejs + npm, nginx + gettext-base: installed here with apt-get when run as root,
# otherwise install them first with sudo. npm installs the pinned axe-core into tests/browser/node_modules.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup-venv.sh requirements-test.txt

# apt_install WHAT PACKAGE...: install Debian packages as root, or stop saying which command to run.
apt_install() {
  local what=$1; shift
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing $* for $what..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "$what needs Debian's $*: run 'sudo apt-get install $*'." >&2
    exit 1
  fi
}

[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || apt_install "The browser tests" chromium
{ command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; } && command -v envsubst >/dev/null \
  || apt_install "The hosting test" nginx gettext-base
if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  command -v npm >/dev/null || apt_install "The accessibility test" nodejs npm
  echo "Installing axe-core (pinned in tests/browser/package-lock.json)..."
  npm ci --prefix tests/browser --no-audit --no-fund
fi
exec .venv/bin/python -m pytest "$@"
