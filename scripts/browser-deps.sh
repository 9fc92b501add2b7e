#!/bin/sh
# Install Debian's Chromium for the browser tests (tests/browser/) when it is missing.
# Playwright drives /usr/bin/chromium; its own browser download is not used.
# Needs root (CI runs as root); otherwise it says what to run and leaves the choice to pytest,
# which skips the browser tests with that reason.
set -eu
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "browser-deps: /usr/bin/chromium is missing; as root run: apt-get update && apt-get install -y chromium" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "browser-deps: no apt-get here; install Chromium at /usr/bin/chromium for the browser tests" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
