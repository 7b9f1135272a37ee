#!/usr/bin/env bash
# Set up (first run only) and start the workshop app on http://localhost:8501.
# Needs Python 3.11 on PATH as python3.11 or python3. Extra arguments go to `streamlit run`.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup-venv.sh requirements.txt
exec .venv/bin/python -m streamlit run app.py --server.port 8501 "$@"
