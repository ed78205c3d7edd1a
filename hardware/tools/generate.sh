#!/bin/bash
# Regenerates every KiCad file under hardware/ from circuit.py + placement.py (deterministic).
# Needs KiCad 9 (kicad-cli, /usr/bin/python3 with pcbnew). Takes about a minute.
# Usage: hardware/tools/generate.sh [board ...]
set -euo pipefail
TOOLS="$(cd "$(dirname "$0")" && pwd)"
HW="$(dirname "$TOOLS")"
PY=/usr/bin/python3
BOARDS=("$@")
[ ${#BOARDS[@]} -gt 0 ] || BOARDS=(esp32-mep-v1.10 esp32-mep-v2.00 esp32-mep-v2.10)
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
cd "$TOOLS"
$PY make_footprints.py "$HW" 2>&1 | grep -v 'memory leak' || true
$PY gen_project.py "$HW" >/dev/null
$PY gen_schematic.py "$HW" "${BOARDS[@]}"
for B in "${BOARDS[@]}"; do
  kicad-cli sch export netlist --format kicadsexpr -o "$TMP/$B.net" "$HW/$B/$B.kicad_sch" >/dev/null
  $PY check_netlist.py "$B" "$TMP/$B.net"     # the drawn wires make exactly circuit.py's nets
  cp jlcpcb.kicad_dru "$HW/$B/$B.kicad_dru"   # before the build: the zone fill applies its rules
  $PY build_pcb.py "$HW" "$B" "$TMP/$B.net" 2>&1 | grep -v 'memory leak'
  $PY build_pcb.py "$HW" "$B" --fill 2>&1 | grep -v 'memory leak'
  rm -f "$HW/$B/$B.kicad_prl"
done
$PY gen_project.py "$HW"
