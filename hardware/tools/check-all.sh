#!/bin/bash
# The hardware gates (run by ./test-all after install-kicad.sh): for every board, ERC with 0 errors,
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
  if ! git -C "$ROOT" diff --quiet -- hardware/esp32-mep-v* hardware/lib; then
    echo "check-all: the committed KiCad files differ from what hardware/tools/generate.sh makes:" >&2
    git -C "$ROOT" diff --stat -- hardware/esp32-mep-v* hardware/lib >&2
    exit 1
  fi
  echo "check-all: regenerated files equal the committed ones"
fi
"$ROOT/mep" hw check --hardware "$ROOT/hardware"
echo "check-all: KiCad gates took $(( $(date +%s) - start )) s"
start=$(date +%s)

# Fabrication outputs: every board and variant must produce the full JLCPCB order; `mep hw fab`
# itself fails when a JLCPCB BOM and CPL do not match one for one (JlcCheck).
fab_dir="$(mktemp -d)"
trap 'rm -rf "$fab_dir"' EXIT
"$ROOT/mep" hw fab -o "$fab_dir"
missing=0
boards=(esp32-mep-v1.10 esp32-mep-v2.00 esp32-mep-v2.10)
for board in "${boards[@]}"; do
  for variant in r4-switched r3-permanent; do
    d="$fab_dir/$board/$variant"
    for f in bom.csv bom-jlcpcb.csv cpl-jlcpcb.csv schematic.pdf render-top.png render-bottom.png \
             assembly-top.svg assembly-bottom.svg README.txt "$board-$variant-gerbers.zip"; do
      if [ ! -s "$d/$f" ]; then echo "check-all: fab output missing: $board/$variant/$f" >&2; missing=1; fi
    done
    if [ ! -s "$fab_dir/$board/$board-$variant.zip" ]; then
      echo "check-all: fab zip missing: $board/$board-$variant.zip" >&2; missing=1
    fi
    if ! jar tf "$d/$board-$variant-gerbers.zip" | grep -q '\.gbr\|\.gtl\|F_Cu'; then
      echo "check-all: no copper Gerber in $board-$variant-gerbers.zip" >&2; missing=1
    fi
  done
done
[ "$missing" -eq 0 ] || exit 1
echo "check-all: fab outputs complete and JLCPCB-checked for ${#boards[@]} boards x 2 variants ($(( $(date +%s) - start )) s)"
