#!/bin/bash
# Installs KiCad 9 (kicad-cli, symbols, footprints) from Debian bookworm-backports when missing.
# Idempotent: does nothing when `kicad-cli version` already reports 9.x.
set -euo pipefail
if command -v kicad-cli >/dev/null 2>&1 && kicad-cli version 2>/dev/null | grep -q '^9\.'; then
  echo "install-kicad: kicad-cli $(kicad-cli version) already installed"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
SRC=/etc/apt/sources.list.d/debian.sources
if [ -f "$SRC" ]; then
  if ! grep -Eq '^Suites:.*\bbookworm-backports\b' "$SRC"; then
    # add the suite to the first Suites: line that lists bookworm (the main archive stanza)
    $SUDO sed -i -E '0,/^Suites:(.*\bbookworm\b.*)$/s//Suites:\1 bookworm-backports/' "$SRC"
    echo "install-kicad: added bookworm-backports to $SRC"
  fi
elif ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "deb http://deb.debian.org/debian bookworm-backports main" | $SUDO tee /etc/apt/sources.list.d/bookworm-backports.list >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq -t bookworm-backports --no-install-recommends kicad kicad-symbols kicad-footprints
kicad-cli version | grep -q '^9\.' || { echo "install-kicad: kicad-cli 9 still missing" >&2; exit 1; }
echo "install-kicad: installed kicad-cli $(kicad-cli version)"
