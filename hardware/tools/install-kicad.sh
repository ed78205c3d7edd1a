#!/bin/bash
# Installs KiCad 9 (kicad-cli, symbols, footprints) when missing: on Debian 12 (bookworm) from
# bookworm-backports (added as a source when no source lists it yet), on Debian 13 (trixie) and later
# from the main suite. Idempotent: does nothing when `kicad-cli version` already reports 9.x.
# apt-get goes through tools/apt.sh: errors as apt reports them, `apt-get update` once per ./test-all.
# Test hooks: MEP_OS_RELEASE (default /etc/os-release), MEP_APT_ETC (default /etc/apt), MEP_APT_GET.
set -uo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
# shellcheck source=../../tools/apt.sh
source "$here/../../tools/apt.sh"
APT_WHO=install-kicad
say() { printf 'install-kicad: %s\n' "$*"; }

kicad9() { command -v kicad-cli >/dev/null 2>&1 && kicad-cli version 2>/dev/null | grep -q '^9\.'; }
if kicad9; then
  say "kicad-cli $(kicad-cli version) already installed"
  exit 0
fi

codename="$(. "${MEP_OS_RELEASE:-/etc/os-release}" 2>/dev/null && echo "${VERSION_CODENAME:-}")"
etc="${MEP_APT_ETC:-/etc/apt}"
suite_options=()
added=""
case "$codename" in
  bookworm)
    suite_options=(-t bookworm-backports)
    if ! grep -rqsE '(^|\s)bookworm-backports(\s|$)' "$etc/sources.list" "$etc/sources.list.d/"; then
      file="$etc/sources.list.d/mepkit-bookworm-backports.sources"
      printf '%s\n' 'Types: deb' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm-backports' 'Components: main' \
          'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' \
        | apt_as_root tee "$file" >/dev/null || { say "could not write $file"; exit 1; }
      grep -qs 'Suites: bookworm-backports' "$file" || { say "could not write $file"; exit 1; }
      added="$file"
      say "added bookworm-backports as $file"
    fi
    ;;
  "")
    say "no VERSION_CODENAME in ${MEP_OS_RELEASE:-/etc/os-release}: trying the configured suites"
    ;;
  *)
    say "$codename: KiCad from its main suite"
    ;;
esac

if [[ -n $added ]]; then apt_update force || exit 1; fi
apt_install "${suite_options[@]}" kicad kicad-symbols kicad-footprints || exit 1
if ! kicad9; then
  say "kicad-cli 9 still missing after the install (kicad-cli version: $(kicad-cli version 2>&1 || echo 'not found'))" >&2
  exit 1
fi
say "installed kicad-cli $(kicad-cli version)"
