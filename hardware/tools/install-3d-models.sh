#!/bin/bash
# Optional, not run by CI: the 3D models of the footprints the boards use, taken from Debian's
# kicad-packages3d (a 332 MB download that installs 4.7 GB; only ~10 MB of it is needed here), so
# that `mep hw fab` renders show part bodies. Measured on the project machine: 23 s to 65 s in all
# (download 32 s and extraction 33 s at the first try under load; the whole .deb is decompressed once).
# Usage: hardware/tools/install-3d-models.sh [DIR]   (default ~/.cache/mepkit/kicad-3dmodels)
# Then:  KICAD9_3DMODEL_DIR=DIR ./mep hw fab
set -euo pipefail
DIR="${1:-$HOME/.cache/mepkit/kicad-3dmodels}"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
# the models of the installed KiCad (9.x from bookworm-backports), not the distribution's default 6.0
VER="$(apt-cache madison kicad-packages3d | awk -F'|' '$2 ~ /^ *9\./ {gsub(/ /, "", $2); print $2; exit}')"
[ -n "$VER" ] || { echo "install-3d-models: no kicad-packages3d 9.x in the package lists (run hardware/tools/install-kicad.sh)" >&2; exit 1; }
apt-get download "kicad-packages3d=$VER" >/dev/null 2>&1
M=./usr/share/kicad/3dmodels
dpkg-deb --fsys-tarfile kicad-packages3d_*.deb | tar -x --wildcards \
  "$M/RF_Module.3dshapes/ESP32-WROOM-32E.*" "$M/Resistor_SMD.3dshapes/R_0805_2012Metric.*" \
  "$M/Capacitor_SMD.3dshapes/C_0805_2012Metric.*" "$M/Package_SO.3dshapes/SOIC-16_3.9x9.9mm_P1.27mm.*" \
  "$M/Package_DIP.3dshapes/DIP-16_W7.62mm_Socket.*" "$M/Diode_SMD.3dshapes/D_SOD-123.*" "$M/Diode_SMD.3dshapes/D_SMA.*" \
  "$M/Package_TO_SOT_SMD.3dshapes/SOT-23.*" "$M/Connector_PinHeader_2.54mm.3dshapes/PinHeader_1x0[67]_P2.54mm_Vertical.*" \
  "$M/Connector_PinHeader_2.54mm.3dshapes/PinHeader_2x0[23]_P2.54mm_*" \
  "$M/Resistor_THT.3dshapes/R_Axial_DIN0204_L3.6mm_D1.6mm_P2.54mm_Vertical.*" \
  "$M/Capacitor_THT.3dshapes/C_Disc_D3.8mm_W2.6mm_P2.50mm.*" "$M/Diode_THT.3dshapes/D_DO-35_SOD27_P2.54mm_Vertical_AnodeUp.*"
mkdir -p "$DIR"
cp -r "$M"/. "$DIR"/
echo "install-3d-models: $(find "$DIR" -type f | wc -l) files in $DIR; render with KICAD9_3DMODEL_DIR=$DIR ./mep hw fab"
