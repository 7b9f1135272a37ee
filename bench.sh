#!/usr/bin/env bash
# Set up (first run only) and run every benchmark; prints a Markdown table and writes bench/results.md.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup-venv.sh requirements-test.txt
exec .venv/bin/python -m bench.run "$@"
