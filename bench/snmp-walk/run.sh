#!/usr/bin/env bash
# SNMP full-walk benchmark (issue 7): the time of a KEEPALIVED-MIB vrrp subtree walk (snmpbulkwalk of
# 1.3.6.1.4.1.9586.100.5.2) with N VRRP instances, keepalived 2.2.7 behind snmpd over AgentX and jkeepalived's own
# agent, in the same run, with the same config. Each side runs alone in a network namespace of its own (veth links
# bw0..bwK: a VRID is 1..255 per interface, so 250 instances per link; nothing answers, every instance ends MASTER).
#
# Usage: bench/snmp-walk/run.sh [N]            (N instances, default 1000)
# Environment:
#   SIDES    which implementations, in order (default "keepalived jkeepalived"; SIDES=keepalived before the
#            SNMP agent is merged: jkeepalived has no snmp_agent block until then)
#   REPS     snmpbulkwalk max-repetitions (-Cr, default 10, the tool's default)
#   RUNS     walks per side, the best is reported (default 3)
#   AGENTX_TIMEOUT  snmpd's agentXTimeout in seconds (default 5; raise it for N ≥ 2000 under load)
#   QUIET    seconds to wait once every instance is MASTER, before the first walk (default 8)
#   KEEP     1: keep the scratch directory (configs, logs, walks)
# Needs root, /usr/sbin/keepalived, snmpd and snmpbulkwalk (net-snmp), and for jkeepalived a built jar
# (mvn -q -DskipTests package). Every process is stopped by its pid, every namespace deleted on exit.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
N=${1:-1000}
SIDES=${SIDES:-keepalived jkeepalived}
REPS=${REPS:-10}
RUNS=${RUNS:-3}
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
for t in /usr/sbin/keepalived snmpd snmpbulkwalk; do
    command -v "$t" > /dev/null || { echo "$t is not installed" >&2; exit 1; }
done

# The harness's functions: start_snmpd, start_daemon, walk, await_settled, stop_all (by pid), ns_delete.
# shellcheck source=../../service/src/test/resources/snmp/differential/harness.sh
source "$ROOT/service/src/test/resources/snmp/differential/harness.sh"
JKEEPALIVED=$ROOT/bin/jkeepalived
WORK=$(mktemp -d /tmp/snmp-walk-bench.XXXXXX)
trap 'cleanup; [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" >&2 || rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM
LINKS=$(( (N + 249) / 250 ))

# config IMPL: N instances over LINKS links, one VIP each; KEEPALIVED-MIB's vrrp subtree only (no traps: the
# benchmark measures the walk). jkeepalived gets its agent block and ignores keepalived's AgentX socket. Not
# max_auto_priority: keepalived's VRRP child then runs SCHED_RR and, busy with 1,000 instances at start, is
# SIGKILLed by its RLIMIT_RTTIME and respawned (observed), which spoils the run.
config() {
    local impl=$1 i link vrid
    cat <<EOF
global_defs {
    router_id snmp-walk-bench
    enable_snmp_vrrp
    snmp_socket unix:$RUN/agentx
}
EOF
    for ((i = 0; i < N; i++)); do
        link=$((i / 250)); vrid=$((i % 250 + 1))
        cat <<EOF
vrrp_instance VI_$i {
    interface bw$link
    virtual_router_id $vrid
    priority 100
    advert_int 1
    virtual_ipaddress {
        10.78.$link.$((vrid + 1))/24
    }
}
EOF
    done
    if [ "$impl" = jkeepalived ]; then
        printf 'snmp_agent {\n    listen udp:127.0.0.1:%s\n    community public\n}\n' "$PORT"
    fi
}

bench_ns() {
    NS=$1
    ip netns add "$NS" || return 1
    ip -n "$NS" link set lo up
    local l
    for ((l = 0; l < LINKS; l++)); do
        ip -n "$NS" link add bw$l type veth peer name bw${l}p || return 1
        ip -n "$NS" link set bw${l}p up
        ip -n "$NS" link set bw$l up
        ip -n "$NS" addr add 10.78.$l.1/24 dev bw$l
    done
    event "namespace $NS: $LINKS links"
}

# side IMPL: one line of the table (impl, best, median-free list of all runs, varbinds, varbinds/s).
side() {
    local impl=$1 run times=() best= lines t0 t1 t
    OUT=$WORK/$impl; RUN=$OUT/run; RUN_DIR=$RUN; PORT=16170
    mkdir -p "$RUN/snmp-persist"; chmod 700 "$RUN"
    EVENTS=$OUT/events.txt; : > "$EVENTS"
    config "$impl" > "$RUN/bench.conf"
    bench_ns "snmpwb-$impl-$$" || return 1
    [ "$impl" = keepalived ] && { start_snmpd "$RUN" "$PORT" || return 1; }
    start_daemon "$impl" "$RUN" "$RUN/bench.conf"
    if ! await_settled "$N" 300; then
        echo "$impl did not settle; see $OUT (KEEP=1 keeps it)" >&2; cleanup; return 1
    fi
    # the second round of gratuitous ARPs (vrrp_garp_master_delay, 5 s after MASTER) is past before the first walk
    sleep "${QUIET:-8}"
    for ((run = 1; run <= RUNS; run++)); do
        t0=$(date +%s.%N)
        WALK_OPTS="-Cr$REPS" walk "$KEEPALIVED_ROOT.2" > "$OUT/walk-$run.txt" 2> "$OUT/walk-$run.err"
        t1=$(date +%s.%N)
        t=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        times+=("$t")
        [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }' && best=$t
    done
    lines=$(grep -c '^\.' "$OUT/walk-1.txt")
    cleanup
    printf '%-12s %6d %10s %9d %12.0f   %s\n' "$impl" "$N" "$best" "$lines" \
        "$(awk -v n="$lines" -v t="$best" 'BEGIN { print n / t }')" "${times[*]}"
    echo "$impl $best" >> "$WORK/best.txt"
}

echo "snmpbulkwalk -v2c -Cr$REPS of 1.3.6.1.4.1.9586.100.5.2 (KEEPALIVED-MIB vrrp subtree), best of $RUNS;"
echo "$(nproc) cores, kernel $(uname -r), $(keepalived -v 2>&1 | head -1), $(snmpd -v 2>&1 | grep -m1 version)"
printf '%-12s %6s %10s %9s %12s   %s\n' impl N "best (s)" varbinds varbinds/s "all runs (s)"

# ---- Section 1: keepalived 2.2.7 behind snmpd over AgentX ----
case " $SIDES " in *" keepalived "*) side keepalived ;; esac

# ---- Section 2: jkeepalived's in-process agent (needs the SNMP agent merge: the snmp_agent block) ----
case " $SIDES " in *" jkeepalived "*)
    [ -f "$ROOT/service/target/jkeepalived.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
    side jkeepalived ;;
esac

if [ "$(wc -l < "$WORK/best.txt" 2>/dev/null || echo 0)" = 2 ]; then
    awk '{ t[$1] = $2 } END { printf "jkeepalived is %.1fx faster than keepalived+snmpd (best of each)\n", \
        t["keepalived"] / t["jkeepalived"] }' "$WORK/best.txt"
fi
