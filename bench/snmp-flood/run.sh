#!/usr/bin/env bash
# Advert timing under an SNMP flood (issue 7: "a slow or abusive manager never delays an advert"). For each side
# (keepalived 2.2.7 behind snmpd over AgentX, then jkeepalived's in-process agent), N VRRP instances (advert_int 1,
# all MASTER) run in a namespace of their own; tshark on the veth peer records every advert; for PHASE seconds
# nothing else happens (quiet), then FLOODERS parallel snmpbulkwalk loops walk the whole KEEPALIVED-MIB vrrp
# subtree over and over for PHASE seconds (flood). The deviation of each inter-advert gap from advert_int, per
# VRID, is summarised per phase (p50 / p99 / max, ms), with the walks the flood completed.
# Env: N (250), PHASE (30 s), FLOODERS (4), SIDES ("keepalived jkeepalived"), KEEP=1 keeps the scratch directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
N=${N:-250}
PHASE=${PHASE:-30}
FLOODERS=${FLOODERS:-4}
SIDES=${SIDES:-keepalived jkeepalived}
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }
[ "$N" -le 250 ] || { echo "N is at most 250 (one link)" >&2; exit 1; }
for t in /usr/sbin/keepalived snmpd snmpbulkwalk tshark python3; do
    command -v "$t" > /dev/null || { echo "$t is not installed" >&2; exit 1; }
done
# shellcheck source=../../service/src/test/resources/snmp/differential/harness.sh
source "$ROOT/service/src/test/resources/snmp/differential/harness.sh"
JKEEPALIVED=$ROOT/bin/jkeepalived
WORK=$(mktemp -d /tmp/snmp-flood-bench.XXXXXX)
FLOOD_PIDS=()
CAPTURE_PID=
stop_extra() {
    local p
    for p in "${FLOOD_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    FLOOD_PIDS=()
    [ -n "$CAPTURE_PID" ] && { kill "$CAPTURE_PID" 2>/dev/null || true; wait "$CAPTURE_PID" 2>/dev/null || true; }
    CAPTURE_PID=
}
trap 'stop_extra; cleanup; [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" >&2 || rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM

config() {
    local impl=$1 i
    printf 'global_defs {\n    router_id snmp-flood-bench\n    enable_snmp_vrrp\n    snmp_socket unix:%s/agentx\n}\n' "$RUN"
    for ((i = 1; i <= N; i++)); do
        printf 'vrrp_instance VI_%d {\n    interface bf0\n    virtual_router_id %d\n    priority 100\n' "$i" "$i"
        printf '    advert_int 1\n    virtual_ipaddress {\n        10.79.0.%d/24\n    }\n}\n' "$i"
    done
    if [ "$impl" = jkeepalived ]; then
        printf 'snmp_agent {\n    listen udp:127.0.0.1:%s\n    community public\n}\n' "$PORT"
    fi
}

side() {
    local impl=$1 f t_quiet t_flood t_end
    OUT=$WORK/$impl; RUN=$OUT/run; RUN_DIR=$RUN; PORT=16171
    mkdir -p "$RUN/snmp-persist"; chmod 700 "$RUN"
    EVENTS=$OUT/events.txt; : > "$EVENTS"
    config "$impl" > "$RUN/bench.conf"
    NS=snmpfl-$impl-$$
    ip netns add "$NS"; ip -n "$NS" link set lo up
    ip -n "$NS" link add bf0 type veth peer name bf0p
    ip -n "$NS" link set bf0p up; ip -n "$NS" link set bf0 up
    ip -n "$NS" addr add 10.79.0.254/24 dev bf0
    [ "$impl" = keepalived ] && { start_snmpd "$RUN" "$PORT" || return 1; }
    start_daemon "$impl" "$RUN" "$RUN/bench.conf"
    await_settled "$N" 300 || { echo "$impl did not settle" >&2; return 1; }
    sleep 8 # past the second round of gratuitous ARPs
    ip netns exec "$NS" tshark -q -l -n -i bf0p -f 'ip proto 112' -T fields -e frame.time_epoch -e vrrp.virt_rtr_id \
        > "$OUT/adverts.tsv" 2> "$OUT/tshark.err" &
    CAPTURE_PID=$!
    sleep 3
    t_quiet=$(date +%s.%N); sleep "$PHASE"
    t_flood=$(date +%s.%N)
    for ((f = 0; f < FLOODERS; f++)); do
        ( while :; do ip netns exec "$NS" snmpbulkwalk -v2c -c public -On -m '' -M /nonexistent -t 5 -r 0 \
              "udp:127.0.0.1:$PORT" "$KEEPALIVED_ROOT.2" > /dev/null 2>&1 && echo ok >> "$OUT/walks.$f"; done ) &
        FLOOD_PIDS+=($!)
    done
    sleep "$PHASE"
    t_end=$(date +%s.%N)
    stop_extra
    # the flood loops' children (an snmpbulkwalk in flight) end with their loop's shell or within their timeout
    sleep 1
    cleanup
    python3 - "$OUT/adverts.tsv" "$t_quiet" "$t_flood" "$t_end" "$impl" "$(cat "$OUT"/walks.* 2>/dev/null | wc -l)" <<'PY'
import sys, collections
path, tq, tf, te, impl, walks = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], int(sys.argv[6])
by = collections.defaultdict(list)
for line in open(path):
    p = line.split()
    if len(p) >= 2:
        by[p[1]].append(float(p[0]))
def phase(lo, hi):
    devs = []
    for ts in by.values():
        ts = [t for t in ts if lo <= t < hi]
        devs += [abs((b - a) - 1.0) * 1000 for a, b in zip(ts, ts[1:])]
    devs.sort()
    if not devs:
        return "no adverts"
    q = lambda x: devs[min(len(devs) - 1, int(len(devs) * x))]
    return "%6d gaps  p50 %6.2f  p99 %6.2f  max %7.2f" % (len(devs), q(0.5), q(0.99), devs[-1])
print("%-12s quiet: %s" % (impl, phase(tq, tf)))
print("%-12s flood: %s  (%d walks completed by %s)" % (impl, phase(tf, te), walks, "the flooders"))
PY
}

echo "advert gap deviation from advert_int (ms), $N instances, $FLOODERS snmpbulkwalk loops, ${PHASE}s per phase"
echo "$(nproc) cores, kernel $(uname -r), $(keepalived -v 2>&1 | head -1), $(snmpd -v 2>&1 | grep -m1 version)"
case " $SIDES " in *" keepalived "*) side keepalived ;; esac
case " $SIDES " in *" jkeepalived "*)
    [ -f "$ROOT/service/target/jkeepalived.jar" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 1; }
    side jkeepalived ;;
esac
