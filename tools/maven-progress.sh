#!/usr/bin/env bash
# maven-progress.sh: Maven's output (mvn -B) on stdin -> build progress for people on stderr, so a
# first build is not a silent minute. On a terminal: one line rewritten in place (module, step,
# elapsed time). Piped: one line per module, and "still building" after each 15 s without one.
# MEP_PROGRESS=terminal|plain forces the mode (as for the Java commands). Used by ./mep:
#   mvn -B ... 2>&1 | tee .mep/build.log | tools/maven-progress.sh
set -u
start=$SECONDS
tty=0
[[ -t 2 ]] && tty=1
case ${MEP_PROGRESS:-} in terminal|tty) tty=1 ;; plain) tty=0 ;; esac
[[ ${TERM:-} == dumb ]] && tty=0

module="starting Maven"
step=""
show() {   # show TEXT: the status now
  local text="mep: build: $1 ($((SECONDS - start)) s)"
  if ((tty)); then printf '\r%s\033[K' "${text:0:${COLUMNS:-80}-1}" >&2; else printf '%s\n' "$text" >&2; fi
}

while :; do
  line=""
  IFS= read -r -t 15 line
  status=$?
  if ((status == 0)) || [[ -n $line ]]; then
    if [[ $line =~ ^\[INFO\]\ Building\ (.+)\ [0-9][^\ ]*\ *(\[[0-9]+/[0-9]+\])?$ ]]; then
      module="${BASH_REMATCH[2]:+${BASH_REMATCH[2]} }${BASH_REMATCH[1]}"
      step=""
      show "$module"
    elif [[ $line =~ ^\[INFO\]\ ---\ ([a-z0-9.-]+):[^:\ ]+:([A-Za-z0-9-]+)\ .*@\ [^\ ]+\ ---$ ]]; then
      plugin=${BASH_REMATCH[1]#maven-}
      step="${plugin%-plugin} ${BASH_REMATCH[2]}"
      ((tty)) && show "$module: $step"
    fi
  elif ((status > 128)); then
    show "still building, $module${step:+: $step}"
  else
    break
  fi
done
((tty)) && printf '\r\033[K' >&2
exit 0
