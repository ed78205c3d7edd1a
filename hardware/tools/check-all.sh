#!/bin/bash
# The hardware gates (run by ./test-all after install-kicad.sh): for both boards, ERC with 0 errors,
# DRC with schematic parity (0 errors, 0 unconnected, JLCPCB rules from the .kicad_dru), the netlist
# against firmware-spec's pin map, and the assembly variants (never R3 and R4 both fitted).
# Exit 0 when every gate passes. With --regen it first regenerates every KiCad file from
# hardware/tools (about a minute) and fails when that changes a committed file.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
if ! command -v kicad-cli >/dev/null 2>&1 || ! kicad-cli version | grep -q '^9\.'; then
  echo "check-all: kicad-cli 9 is missing (run hardware/tools/install-kicad.sh)" >&2
  exit 7
fi
# First kicad-cli run prints a CvPcb notice; keep it out of the log.
kicad-cli version >/dev/null 2>&1
start=$(date +%s)
if [ "${1:-}" = "--regen" ]; then
  "$ROOT/hardware/tools/generate.sh" >/dev/null
  if ! git -C "$ROOT" diff --quiet -- hardware/esp32-mep-v1.10 hardware/esp32-mep-v2.00 hardware/lib; then
    echo "check-all: the committed KiCad files differ from what hardware/tools/generate.sh makes:" >&2
    git -C "$ROOT" diff --stat -- hardware/esp32-mep-v1.10 hardware/esp32-mep-v2.00 hardware/lib >&2
    exit 1
  fi
  echo "check-all: regenerated files equal the committed ones"
fi
"$ROOT/mep" hw check --hardware "$ROOT/hardware"
echo "check-all: KiCad gates took $(( $(date +%s) - start )) s"
