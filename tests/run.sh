#!/usr/bin/env bash
# Sets up everything the tests need on a fresh machine and runs them all:
# Debian's Chromium for the browser tests, a virtual environment with the Python packages, then
# ruff, Node's test runner over tests/js/ and pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

# zbar-tools: zbarimg decodes the QR codes in the browser tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/zbarimg ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium zbar-tools >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'

.venv/bin/python -m ruff check .
# The browser scripts' own logic (address, selection, storage, offline search), with Node's test runner.
node --test tests/js/
.venv/bin/python -m pytest "$@"
