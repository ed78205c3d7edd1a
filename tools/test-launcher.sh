#!/usr/bin/env bash
# test-launcher.sh: checks ./mep and mepkit.jar as a user meets them (run by ./test-all after the Maven build):
# ./mep from a symlink on PATH, java -jar mepkit.jar from anywhere, the class-data-sharing archive made,
# used and remade when the jar changes, the version naming the commit, and the build-progress filter.
set -uo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/hil-tests/target/mepkit.jar"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {   # check NAME COMMAND...: passes when COMMAND succeeds
  local name=$1; shift
  if "$@" >"$tmp/out" 2>&1; then echo "ok   $name"; else echo "FAIL $name"; sed 's/^/     /' "$tmp/out" | head -20; failures=$((failures + 1)); fi
}

check "the launcher is valid bash" bash -n "$root/mep"
check "the progress filter is valid bash" bash -n "$root/tools/maven-progress.sh"
check "mepkit.jar was built" test -s "$jar"

mkdir -p "$tmp/bin" "$tmp/elsewhere"
ln -s "$root/mep" "$tmp/bin/mep"
version() { (cd "$tmp/elsewhere" && PATH="$tmp/bin:$PATH" mep --version) | head -1 | grep -Eq '^mepkit [^ ]+ \(commit [^ )]+\)$'; }
check "mep from a symlink on PATH, run in another folder, names its commit" version
check "java -jar mepkit.jar runs from anywhere" bash -c "cd '$tmp/elsewhere' && java -jar '$jar' board show esp32-mep | grep -q '^esp32-mep-v2.00 '"
jar tf "$jar" >"$tmp/listing"
services() {
  mkdir -p "$tmp/x" && (cd "$tmp/x" && jar xf "$jar" META-INF/services/org.mepkit.cli.spi.CommandContribution) &&
    [[ $(grep -c . "$tmp/x/META-INF/services/org.mepkit.cli.spi.CommandContribution") -ge 20 ]]
}
check "mepkit.jar holds every module's commands (services merged)" services
natives() { grep -qx 'Linux/x86_64/libjSerialComm.so' "$tmp/listing" && grep -qx 'com/sun/jna/linux-x86-64/libjnidispatch.so' "$tmp/listing"; }
check "mepkit.jar holds the jSerialComm and JNA natives" natives

archives() { ls "$root"/.mep/cds/mepkit-*.jsa 2>/dev/null; }
made() { "$root/mep" --version >/dev/null && [[ $(archives | wc -l) -eq 1 ]]; }
check "a class-data-sharing archive is made" made
mapped() { MEP_JAVA_OPTS="-Xlog:class+load=info" "$root/mep" board list >"$tmp/classes"; }
used() { mapped && grep -q ' org\.mepkit\.cli\.MepCommand source: shared objects file' "$tmp/classes"; }
check "mep's own classes are mapped from the archive" used
picocli() { mapped && grep -q ' picocli\.CommandLine source: shared objects file' "$tmp/classes"; }
check "picocli (Java 5 class files, which a dynamic archive leaves out) is mapped too" picocli
flashing() {
  MEP_JAVA_OPTS="-Xlog:class+load=info" "$root/mep" flash --port /dev/null --esptool /nonexistent "$tmp" >"$tmp/classes" 2>&1
  grep -q ' org\.mepkit\.flasher\.cli\.FlashCommand source: shared objects file' "$tmp/classes"
}
check "the archive holds what 'mep flash' loads before esptool starts" flashing
training() { ! ls -d "${TMPDIR:-/tmp}"/mepkit-cds-training-* >/dev/null 2>&1; }
check "the training run leaves nothing in the temporary folder" training
remade() {
  local before; before="$(archives)"
  touch -d "@$(( $(stat -c %Y "$jar") + 1 ))" "$jar"   # a rebuilt jar (same sources: no rebuild)
  "$root/mep" --version >/dev/null && [[ $(archives | wc -l) -eq 1 && "$(archives)" != "$before" ]]
}
check "a new jar gets a new archive, the old one is removed" remade
tiered() { MEP_JAVA_OPTS="-XX:+PrintFlagsFinal" "$root/mep" "$@" | grep -E '^ *intx TieredStopAtLevel ' | awk '{print $4}'; }
c1() { [[ $(tiered flash --help) == 1 && $(tiered board list) == 4 ]]; }
check "mep flash runs on the C1 compiler alone, other commands on both" c1
nocds() { ! MEP_NO_CDS=1 MEP_JAVA_OPTS="-Xlog:class+load=info" "$root/mep" --version | grep -q ' org\.mepkit\..* source: shared objects file'; }
check "MEP_NO_CDS=1 runs without it" nocds

progress() {
  printf '%s\n' '[INFO] Building mepkit host 0.1.0-SNAPSHOT                                  [3/5]' \
      '[INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ host ---' \
      '[INFO] Building mepkit flasher 0.1.0-SNAPSHOT                               [4/5]' \
    | MEP_PROGRESS=plain "$root/tools/maven-progress.sh" 2>&1 >/dev/null \
    | diff - <(printf '%s\n' 'mep: build: [3/5] mepkit host (0 s)' 'mep: build: [4/5] mepkit flasher (0 s)')
}
check "the first build prints a line per module when piped" progress
silence() { (sleep 16; echo '[INFO] BUILD SUCCESS') | MEP_PROGRESS=plain "$root/tools/maven-progress.sh" 2>&1 | grep -q '^mep: build: still building, starting Maven (1[5-9] s)$'; }
check "15 s without a Maven line prints 'still building'" silence

echo "test-launcher: $failures failure(s)"
((failures == 0))
