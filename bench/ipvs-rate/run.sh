#!/usr/bin/env bash
# IPVS programming-rate benchmark (issue 6). Boots the qemu IPVS guest once (service/src/test/kernel-vm) and runs
# IpvsRateBenchmarkTest there: bulk programming of SERVICES TCP services x DESTS destinations through
# LinuxIpvsKernel.apply() at several batch sizes and through ipvsadm-restore on the same kernel, reading the table
# back, one weight change at SERVICES and at 10 services, flush. Prints a markdown table (paste it into
# docs/benchmarks.md, section "IPVS programming rate (issue 6)"). Needs root, qemu-system-x86 and busybox-static.
# Env: SERVICES (10000), DESTS (5), REPS (1000), BATCHES (0,1000; 0 = one service's changes per call),
#      RESTORE_RUNS (2: ipvsadm-restore before and after the apply() phases; 1: before only),
#      JITS ("c1": the daemon's -XX:TieredStopAtLevel=1; "c1 c2" also runs it with the default tiered JIT, C2),
#      TIMEOUT (guest seconds, 240; one JIT takes 140-165 s of guest time under TCG, "c1 c2" twice that).
set -euo pipefail
cd "$(dirname "$0")/../../service"
SERVICES=${SERVICES:-10000} DESTS=${DESTS:-5} REPS=${REPS:-1000} BATCHES=${BATCHES:-0,1000} RESTORE_RUNS=${RESTORE_RUNS:-2}
JITS=${JITS:-c1} TIMEOUT=${TIMEOUT:-240}
export IPVS_VM_CACHE=${IPVS_VM_CACHE:-$HOME/.cache/jkeepalived-vm}
[ "$(id -u)" = 0 ] || { echo "needs root (the VM harness)" >&2; exit 1; }

mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >&2
launcher=$(ls ~/.m2/repository/org/junit/platform/junit-platform-console-standalone/*/junit-platform-console-standalone-*.jar | tail -1)
cp="target/classes:target/test-classes:$(tr : '\n' < target/cp.txt | grep -v /org/junit/ | paste -sd:)"
java=$(readlink -f "$(command -v java)")
# The daemon's JVM options (bin/jkeepalived), with or without its C1-only JIT.
daemon_opts="-XX:+PerfDisableSharedMem -Xms32m -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=32m"
props="-Dipvs.bench.services=$SERVICES -Dipvs.bench.dests=$DESTS -Dipvs.bench.reps=$REPS -Dipvs.bench.batches=$BATCHES -Dipvs.bench.restoreRuns=$RESTORE_RUNS"

script="set -e
echo \"GUEST kernel \$(uname -r), \$(nproc) vCPUs, \$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), \$(ipvsadm -v 2>&1 | head -1 | cut -d' ' -f1-2)\"
for jit in $JITS; do
  case \$jit in c1) jopt=-XX:TieredStopAtLevel=1 ;; c2) jopt= ;; *) echo \"unknown JIT \$jit\"; exit 2 ;; esac
  echo \"JIT \$jit\"
  $java $daemon_opts \$jopt $props -jar $launcher execute --disable-banner --disable-ansi-colors --details=tree \
    --fail-if-no-tests --include-tag=bench --class-path=$cp \
    --select-class=org.jkeepalived.ipvs.kernel.IpvsRateBenchmarkTest
done
echo \"GUESTTIME \$(cut -d' ' -f1 /proc/uptime)\""
out=$(src/test/kernel-vm/run-in-vm.sh --timeout "$TIMEOUT" --rw target -- bash -c "$script" 2>&1) || {
  rc=$?; echo "$out" >&2; echo "guest run failed (exit $rc)" >&2; exit "$rc"; }
echo "$out" | grep -q '\[ *1 tests successful' || { echo "$out" >&2; echo "the benchmark did not pass" >&2; exit 1; }

echo "Run: $(date -u +%Y-%m-%dT%H:%MZ), host $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), qemu TCG, $(java -version 2>&1 | head -1), guest uptime at the end $(echo "$out" | sed -n 's/^GUESTTIME //p') s."
echo "$out" | sed -n 's/^GUEST /Guest: /p'
echo "Command: \`bench/ipvs-rate/run.sh\` (SERVICES=$SERVICES DESTS=$DESTS REPS=$REPS BATCHES=$BATCHES RESTORE_RUNS=$RESTORE_RUNS JITS=\"$JITS\")."
echo "$out" | awk '/^JIT / { printf "\nJIT: %s\n\n", ($2 == "c1" ? "C1 only (-XX:TieredStopAtLevel=1, as the daemon)" : "default tiered (C1 + C2)") }
                   /^BENCH / { sub(/^BENCH /, ""); gsub(/\033\[[0-9;]*m/, ""); print }'
