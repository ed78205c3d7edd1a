#!/bin/bash
# The hardware gates (run by ./test-all after install-kicad.sh): for both boards, ERC with 0 errors,
# DRC with schematic parity (0 errors, 0 unconnected, JLCPCB rules from the .kicad_dru), the netlist
# against firmware-spec's pin map, and the assembly variants (never R3 and R4 both fitted).
# Exit 0 when every gate passes.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
if ! command -v kicad-cli >/dev/null 2>&1 || ! kicad-cli version | grep -q '^9\.'; then
  echo "check-all: kicad-cli 9 is missing (run hardware/tools/install-kicad.sh)" >&2
  exit 7
fi
# First kicad-cli run prints a CvPcb notice; keep it out of the log.
kicad-cli version >/dev/null 2>&1
start=$(date +%s)
"$ROOT/mep" hw check --hardware "$ROOT/hardware"
echo "check-all: KiCad gates took $(( $(date +%s) - start )) s"
