#!/usr/bin/env bash
# test-apt.sh: tools/apt.sh and hardware/tools/install-kicad.sh against a fake apt-get, a fake /etc/apt and
# a fake os-release: KiCad from bookworm-backports on Debian 12 (the source added only when missing, and
# said so only then), from the main suite on Debian 13, `apt-get update` once, apt's errors shown as they
# are. Nothing is installed and /etc is not touched. Run by ./test-all.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
failures=0
dirs=()
trap 'rm -rf "${dirs[@]}"' EXIT
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; sed 's/^/     /' "$w/out" | head -20; echo "     apt-get calls:"; sed 's/^/       /' "$w/calls" 2>/dev/null; failures=$((failures + 1)); }

# setup CODENAME: a fresh fake system in $w; the fake apt-get logs its arguments and "installs" a kicad-cli 9
setup() {
  w="$(mktemp -d)"
  dirs+=("$w")
  mkdir -p "$w/etc/apt/sources.list.d" "$w/bin" "$w/sys"
  # the system's tools, but not its kicad-cli (this machine may have KiCad installed)
  for t in bash sh env grep tee readlink dirname tail id cat chmod; do ln -s "$(command -v "$t")" "$w/sys/$t"; done
  printf 'PRETTY_NAME="Debian"\nVERSION_CODENAME=%s\n' "$1" >"$w/os-release"
  printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: %s %s-updates\nComponents: main\n' "$1" "$1" \
    >"$w/etc/apt/sources.list.d/debian.sources"
  cat >"$w/bin/apt-get" <<FAKE
#!/bin/bash
echo "\$*" >>"$w/calls"
if [[ -n \${FAKE_APT_ERROR:-} && " \$* " == *" install "* ]]; then echo "Reading package lists..."; echo "\$FAKE_APT_ERROR"; exit 100; fi
if [[ " \$* " == *" install "* ]]; then printf '#!/bin/sh\necho 9.0.8\n' >"$w/bin/kicad-cli"; chmod +x "$w/bin/kicad-cli"; fi
exit 0
FAKE
  chmod +x "$w/bin/apt-get"
}
kicad() {   # runs install-kicad.sh in the fake system; output in $w/out
  env -u MEP_APT_UPDATED PATH="$w/bin:$w/sys" MEP_OS_RELEASE="$w/os-release" MEP_APT_ETC="$w/etc/apt" \
    MEP_APT_GET="$w/bin/apt-get" "$@" bash "$root/hardware/tools/install-kicad.sh" >"$w/out" 2>&1
}
calls() { if [[ -f $w/calls ]]; then grep -c -- "$1" "$w/calls"; else echo 0; fi; }

setup bookworm
if kicad && grep -q 'added bookworm-backports as' "$w/out" && grep -q 'Suites: bookworm-backports' "$w/etc/apt/sources.list.d/mepkit-bookworm-backports.sources" \
   && grep -q -- 'install --no-install-recommends -t bookworm-backports kicad kicad-symbols kicad-footprints' "$w/calls" \
   && [[ $(calls '^-q -y update$') == 1 ]] && grep -q 'installed kicad-cli 9.0.8' "$w/out"; then
  ok "Debian 12: bookworm-backports added, said so, one update, KiCad from backports"
else fail "Debian 12: bookworm-backports added, said so, one update, KiCad from backports"; fi

setup bookworm
printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm-backports\nComponents: main\n' >"$w/etc/apt/sources.list.d/backports.sources"
if kicad && ! grep -q 'added' "$w/out" && [[ ! -e $w/etc/apt/sources.list.d/mepkit-bookworm-backports.sources ]] \
   && grep -q -- '-t bookworm-backports' "$w/calls"; then
  ok "Debian 12 with backports already listed: nothing added, nothing claimed"
else fail "Debian 12 with backports already listed: nothing added, nothing claimed"; fi

setup trixie
if kicad && ! grep -qi 'backports' "$w/out" "$w/calls" && [[ -z $(ls "$w/etc/apt/sources.list.d" | grep -v '^debian.sources$') ]] \
   && grep -q -- 'install --no-install-recommends kicad kicad-symbols kicad-footprints' "$w/calls"; then
  ok "Debian 13: KiCad from the main suite, no backports"
else fail "Debian 13: KiCad from the main suite, no backports"; fi

setup trixie
if kicad MEP_APT_UPDATED=1 && [[ $(calls 'update') == 0 ]]; then
  ok "an update ./test-all already ran is not run again"
else fail "an update ./test-all already ran is not run again"; fi

setup trixie
if ! kicad FAKE_APT_ERROR="E: Unable to locate package kicad-footprints" && grep -qx 'E: Unable to locate package kicad-footprints' "$w/out" \
   && ! grep -qi 'root' "$w/out"; then
  ok "an apt error is shown as apt said it, not blamed on root"
else fail "an apt error is shown as apt said it, not blamed on root"; fi

setup trixie
printf '#!/bin/sh\necho 9.0.1\n' >"$w/bin/kicad-cli"; chmod +x "$w/bin/kicad-cli"
if kicad && [[ ! -e $w/calls ]] && grep -q 'already installed' "$w/out"; then
  ok "KiCad 9 already there: apt is not touched"
else fail "KiCad 9 already there: apt is not touched"; fi

# tools/apt.sh's update-once, as ./test-all uses it (first install, then the KiCad installer)
setup trixie
# shellcheck source=apt.sh
if (source "$root/tools/apt.sh"; MEP_APT_GET="$w/bin/apt-get"; unset MEP_APT_UPDATED
    apt_install socat >"$w/out" 2>&1 && apt_install maven >>"$w/out" 2>&1 && [[ ${MEP_APT_UPDATED:-} == 1 ]]) \
   && [[ $(calls 'update') == 1 && $(calls 'install') == 2 ]]; then
  ok "apt_install twice runs apt-get update once"
else fail "apt_install twice runs apt-get update once"; fi

echo "test-apt: $failures failure(s)"
((failures == 0))
