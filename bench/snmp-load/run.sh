#!/usr/bin/env bash
# SNMP agent load benchmark (issue 7): SnmpLoadBenchmarkTest, the in-process agent over loopback with 1,000 VRRP
# instances: a full GETBULK walk of KEEPALIVED-MIB's vrrp subtree (best of 5) and sustained GET throughput of
# CLIENTS synchronous managers (10 varbinds a request) for DURATION seconds, with latency p50/p99/max. Prints the two result
# lines (WALK, GET); and TrapLatencyBenchmarkTest: from a state change published on the event bus to its trap at a
# receiver on loopback (TRAP, goal 100 ms). Figures go to docs/benchmarks.md, section "SNMP agent (issue 7)".
# Env: INSTANCES (1000), CLIENTS (4), DURATION (10 s).
set -euo pipefail
cd "$(dirname "$0")/../.."
INSTANCES=${INSTANCES:-1000} CLIENTS=${CLIENTS:-4} DURATION=${DURATION:-10}
out=$(mvn -B -o -pl service -am test -Dtest='SnmpLoadBenchmarkTest,TrapLatencyBenchmarkTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsurefire.excludedGroups=kernel -Dsnmp.bench.instances="$INSTANCES" -Dsnmp.bench.clients="$CLIENTS" \
    -Dsnmp.bench.seconds="$DURATION" 2>&1) || { echo "$out" >&2; echo "the benchmark failed" >&2; exit 1; }
echo "Run: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(java -version 2>&1 | head -1)"
# surefire keeps a test's stdout in its report directory
cat service/target/surefire-reports/org.jkeepalived.snmp.mib.SnmpLoadBenchmarkTest-output.txt \
    service/target/surefire-reports/org.jkeepalived.snmp.TrapLatencyBenchmarkTest-output.txt 2>/dev/null \
    | grep -E '^(WALK|GET|TRAP) ' || echo "$out" | grep -E '^(WALK|GET|TRAP) '
