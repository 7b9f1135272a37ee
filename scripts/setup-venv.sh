# Sourced by run.sh and test.sh: create .venv with Python 3.11 and install the given requirements file,
# again only when that file (or a file it includes) has changed since the last install.
requirements="$1"
python=$(command -v python3.11 || command -v python3)
if ! "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
  echo "This app needs Python 3.11 (found $("$python" --version 2>&1))." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=".venv/.installed-$(cat requirements*.txt | sha256sum | cut -c1-16)-$(basename "$requirements" .txt)"
if [ ! -f "$stamp" ]; then
  echo "Installing $requirements into .venv (first run: a few minutes)..."
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi
