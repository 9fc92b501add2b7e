#!/bin/sh
# Install Debian packages a check needs, when the program they provide is missing:
#   scripts/debian-deps.sh PROGRAM PACKAGE...
# `make test` asks for Chromium (/usr/bin/chromium: Playwright drives it, its own browser
# download is not used); `make bench` for wrk (/usr/bin/wrk, the load generator).
# Needs root (CI runs as root); otherwise it says what to run and leaves the choice to the
# caller, which skips or falls back with that reason.
set -eu
program=$1
shift
if [ -x "$program" ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "debian-deps: $program is missing; as root run: apt-get update && apt-get install -y $*" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "debian-deps: no apt-get here; install $program ($*)" >&2
    exit 0
fi
echo "debian-deps: $program is missing; installing $* with apt-get (Debian's packages)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "$@"
