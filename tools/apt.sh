# tools/apt.sh: apt-get for ./test-all and hardware/tools/install-kicad.sh (source it; bash).
# - as root directly, else through sudo; "needs root" only when it is neither;
# - `apt-get update` at most once per ./test-all (MEP_APT_UPDATED=1 is exported after it ran), again only
#   when a caller added a package source;
# - a failure is reported as apt said it (its E: and W: lines), not guessed at.
# Test hooks: MEP_APT_GET (the apt-get to run, default apt-get).

apt_as_root() {
  if [[ ${EUID:-$(id -u)} -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    printf '%s: needs root (or sudo) to run: %s\n' "${APT_WHO:-apt}" "$*" >&2
    return 1
  fi
}

# apt_run ARGS...: apt-get ARGS quietly; on failure its own error lines on stderr, status 1
apt_run() {
  local out status
  out="$(apt_as_root env DEBIAN_FRONTEND=noninteractive "${MEP_APT_GET:-apt-get}" -q -y "$@" 2>&1)"
  status=$?
  if ((status != 0)); then
    printf '%s: apt-get %s failed (exit %d):\n' "${APT_WHO:-apt}" "$*" "$status" >&2
    if grep -E '^(E|W|Err):' <<<"$out" >&2; then :; else tail -n 5 <<<"$out" >&2; fi
    return 1
  fi
}

# apt_update [force]: apt-get update unless this run already did (force: a source was added)
apt_update() {
  if [[ ${1:-} != force && ${MEP_APT_UPDATED:-} == 1 ]]; then return 0; fi
  apt_run update || return 1
  export MEP_APT_UPDATED=1
}

# apt_install PKG...: update once, then install (extra apt-get options may come first, e.g. -t SUITE)
apt_install() {
  apt_update || return 1
  apt_run install --no-install-recommends "$@"
}
