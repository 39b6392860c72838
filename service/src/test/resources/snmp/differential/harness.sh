#!/bin/bash
# The SNMP differential harness (SnmpDifferentialIT, bench/snmp-walk/run.sh): one implementation in a network
# namespace of its own, its MIB walks captured to files. keepalived 2.2.7 is an AgentX sub-agent, so it runs behind
# a master snmpd on loopback; jkeepalived answers SNMP itself (its snmp_agent block).
#
#   harness.sh run IMPL NS CONF OUT PORT
#
# IMPL keepalived or jkeepalived (then $JKEEPALIVED is its launcher, default bin/jkeepalived of this repository);
# NS the namespace to create (it must not exist; deleted on every exit path); CONF the config template (@RUN@ is
# replaced by the scratch directory OUT/run, @PORT@ by PORT); OUT the result directory; PORT the UDP port on
# 127.0.0.1 in the namespace the walks go to. MODE (vrrp|all|auto) chooses -P, see start_daemon; SCRATCH moves the
# scratch directory (in the qemu guest).
# Results: OUT/{keepalived,vrrp,vrrpv3}.walk (snmpbulkwalk -On -Oe, numeric: no MIB files needed), OUT/events.txt,
# OUT/daemon.log, OUT/snmpd.log. SETTLE_EXTRA (s, default 0) waits that long after the instances settled (the
# checkers' first results, in the qemu guest); SETTLE_SECONDS (60) bounds the wait for them; AGENTX_TIMEOUT (5)
# is snmpd's agentXTimeout. Exit status 0 once the walks are captured, else 1 with the reason in events.txt.
# Every process started here is ended by its PID; the library functions are also sourced by the benchmark.
set -u
export LC_ALL=C
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

KEEPALIVED_ROOT=1.3.6.1.4.1.9586.100.5
VRRP_MIB=1.3.6.1.2.1.68
VRRPV3_MIB=1.3.6.1.2.1.207
PIDS=()          # everything started, in start order; stopped in reverse
NS=
EVENTS=/dev/null

up() { cut -d' ' -f1 /proc/uptime; }
event() { echo "$(up) $*" >> "$EVENTS"; echo "snmp-harness: $*" >&2; }

# ns_create NAME: a namespace with loopback up and the links of differential.conf: vk0 (10.77.0.1/24,
# fd77::1/64) whose veth peer vk0p is up (else vk0 has no carrier and the instances go to FAULT), and vk1/vk1p,
# tracked only. This kernel has neither dummy nor vlan links: veth pairs only. DAD is off so that the IPv6
# addresses are usable at once (the v3 IPv6 instance needs its link-local source).
ns_create() {
    NS=$1
    ip netns add "$NS" || return 1
    ip -n "$NS" link set lo up
    ip netns exec "$NS" sysctl -qw net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.accept_dad=0
    local i
    for i in 0 1; do
        # fixed MACs: the MIBs show them (and the IPv6 link-local addresses made from them), so both sides and
        # every run must have the same
        ip -n "$NS" link add vk$i address 02:77:00:00:0$i:00 type veth peer name vk${i}p address 02:77:00:00:0$i:01 \
            || return 1
        ip -n "$NS" link set vk${i}p up
        ip -n "$NS" link set vk$i up
    done
    ip -n "$NS" addr add 10.77.0.1/24 dev vk0
    ip -n "$NS" addr add fd77::1/64 dev vk0 nodad
    event "namespace $NS created"
}

ns_delete() {
    [ -n "$NS" ] && ip netns del "$NS" 2>/dev/null && event "namespace $NS deleted"
    NS=
    true
}

# in_ns CMD...: runs CMD in the namespace. Not for daemons: a function run in the background is a subshell whose
# pid $! would be, with the daemon its child (killing it would orphan the daemon). Daemons are started with a
# plain `ip netns exec NS CMD &`, which bash forks and execs and ip execs again: $! is the daemon's pid.
in_ns() { ip netns exec "$NS" "$@"; }

# start_snmpd RUN PORT: a master agent with nothing but loopback v2c read access and an AgentX socket in RUN.
# -C: no system config files. SNMP_PERSISTENT_DIR: snmpd writes its persistent state (engine boots) there, not
# in /var/lib/snmp. agentXPerms: the socket is root's (keepalived runs as root) and nobody else may connect.
start_snmpd() {
    local run=$1 port=$2
    cat > "$run/snmpd.conf" <<EOF
master agentx
agentXSocket unix:$run/agentx
agentXPerms 0600 0700 root root
agentXTimeout ${AGENTX_TIMEOUT:-5}
agentXRetries 1
agentaddress udp:127.0.0.1:$port
rocommunity public 127.0.0.1
EOF
    SNMP_PERSISTENT_DIR=$run/snmp-persist ip netns exec "$NS" /usr/sbin/snmpd -f -Lo -C -c "$run/snmpd.conf" \
        -p "$run/snmpd.pid" >> "$OUT/snmpd.log" 2>&1 &
    PIDS+=($!)
    local _
    for _ in $(seq 100); do
        if [ -S "$run/agentx" ]; then
            # the pid we will signal must be snmpd itself (its pid file says so), not a shell around it
            [ "$(cat "$run/snmpd.pid" 2>/dev/null)" = "${PIDS[-1]}" ] || event "WARNING: snmpd.pid is not ${PIDS[-1]}"
            event "snmpd up (pid ${PIDS[-1]}, udp:127.0.0.1:$port, agentx $run/agentx)"; return 0
        fi
        kill -0 "${PIDS[-1]}" 2>/dev/null || break
        sleep 0.1
    done
    event "snmpd did not open its AgentX socket"; return 1
}

# start_daemon IMPL RUN CONF: keepalived (-n foreground, -l console log, -D detailed) or jkeepalived.
start_daemon() {
    local impl=$1 run=$2 conf=$3
    local cmd mode=()
    # MODE: vrrp (-P, VRRP only), all (VRRP and checkers), auto (default: all where the kernel has IPVS). Without
    # IPVS keepalived's checker child exits FATAL and takes the daemon down, so both sides run -P there.
    case "${MODE:-auto}" in
        vrrp) mode=(-P) ;;
        all) ;;
        *) [ -e /proc/net/ip_vs ] || mode=(-P) ;;
    esac
    if [ "$impl" = keepalived ]; then
        cmd=(/usr/sbin/keepalived -n -l -D "${mode[@]}" -f "$conf" -p "$run/keepalived.pid" -r "$run/vrrp.pid"
            -c "$run/checker.pid")
    else
        cmd=("${JKEEPALIVED:-$HERE/../../../../../../bin/jkeepalived}" -n -l -D "${mode[@]}" -f "$conf"
            -p "$run/jkeepalived.pid")
    fi
    # TMPDIR: keepalived's data/stats dump files go to the scratch directory, not a shared /tmp
    TMPDIR=$run ip netns exec "$NS" "${cmd[@]}" >> "$OUT/daemon.log" 2>&1 &
    PIDS+=($!)
    event "started ${cmd[*]} (pid ${PIDS[-1]})"
}

# walk OID: the numeric walk of OID (-On numeric OIDs, -Oe numeric enums; -m '' -M /nonexistent: no MIB is read, so
# the text does not depend on which MIB files are installed). -Cr25: 25 varbinds per GETBULK (the tool's
# default is 10); WALK_OPTS adds options (the benchmark).
walk() {
    in_ns snmpbulkwalk -v2c -c public -On -Oe -m '' -M /nonexistent -t 5 -r 1 -Cr25 ${WALK_OPTS:-} \
        "127.0.0.1:$PORT" "$1"
}

# await_settled COUNT SECONDS [STATES]: until vrrpInstanceState (…5.2.3.1.4) has COUNT rows whose values are all in
# STATES (a bracket expression of VrrpState digits, default [2]: master; nothing answers the differential's or the
# benchmark's instances, so each ends MASTER), in two polls in a row: the sub-agent has registered and no state
# change is under way.
await_settled() {
    local count=$1 max=$2 states=${3:-[2]} start now prev= cur
    start=$(up)
    while :; do
        cur=$(walk $KEEPALIVED_ROOT.2.3.1.4 2>/dev/null | grep -c " = INTEGER: $states\$")
        if [ "$cur" = "$count" ] && [ "$prev" = "$cur" ]; then
            event "settled: $count instances in state $states"; return 0
        fi
        prev=$cur
        now=$(up)
        awk -v a="$start" -v b="$now" -v m="$max" 'BEGIN { exit !(b - a >= m) }' && break
        for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { event "pid $pid has exited"; return 1; }; done
        sleep 0.5
    done
    event "not settled after $max s ($cur of $count instances in state $states)"; return 1
}

# stop_all: SIGTERM in reverse start order (the daemon before snmpd), SIGKILL after 20 s, by PID only. keepalived's
# VRRP and checker children (their pid files) are killed too if they outlive their parent (after its SIGKILL).
stop_all() {
    local i pid children=() f
    for f in "${RUN_DIR:-/nonexistent}"/vrrp.pid "${RUN_DIR:-/nonexistent}"/checker.pid; do
        [ -f "$f" ] && children+=("$(cat "$f")")
    done
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        pid=${PIDS[i]}
        kill -TERM "$pid" 2>/dev/null || continue
        for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then event "pid $pid still running after 20 s: SIGKILL"; kill -KILL "$pid"; fi
        wait "$pid" 2>/dev/null
        event "stopped pid $pid"
    done
    for pid in "${children[@]}"; do
        [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null && event "killed leftover child pid $pid"
    done
    PIDS=()
}

cleanup() { stop_all; ns_delete; }

# prepare CONF RUN PORT: the config with its placeholders filled, and the files it refers to.
prepare() {
    local conf=$1 run=$2 port=$3
    mkdir -p "$run/snmp-persist"
    chmod 700 "$run"
    echo 0 > "$run/track.weight"
    sed -e "s#@RUN@#$run#g" -e "s#@PORT@#$port#g" "$conf" > "$run/live.conf"
}

run_main() {
    [ $# -eq 6 ] || { echo "usage: harness.sh run IMPL NS CONF OUT PORT" >&2; return 2; }
    local impl=$2 ns=$3 conf=$4
    OUT=$5; PORT=$6
    mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
    EVENTS=$OUT/events.txt; : > "$EVENTS"
    # SCRATCH: where the scratch directory goes (default OUT). Inside the qemu guest OUT is a 9p share, which
    # refuses the AgentX unix socket: the guest's tmpfs then.
    local run=${SCRATCH:-$OUT}/run
    RUN_DIR=$run
    rm -rf "$run"; mkdir -p "$run"
    trap cleanup EXIT
    trap 'exit 1' INT TERM
    prepare "$conf" "$run" "$PORT"
    ns_create "$ns" || { event "cannot create namespace $ns"; return 1; }
    if [ "$impl" = keepalived ]; then start_snmpd "$run" "$PORT" || return 1; fi
    start_daemon "$impl" "$run" "$run/live.conf"
    await_settled "$(grep -c '^vrrp_instance ' "$run/live.conf")" ${SETTLE_SECONDS:-60} || return 1
    sleep "${SETTLE_EXTRA:-0}"
    local f oid
    for f in keepalived:$KEEPALIVED_ROOT vrrp:$VRRP_MIB vrrpv3:$VRRPV3_MIB; do
        oid=${f#*:}
        # the scratch directory (in track_file paths) becomes @RUN@ again: the walks of two runs compare equal
        walk "$oid" 2> "$OUT/${f%%:*}.err" | sed "s#$run#@RUN@#g" > "$OUT/${f%%:*}.walk"
        event "walked $oid: $(wc -l < "$OUT/${f%%:*}.walk") lines"
    done
    return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    case "${1:-}" in
        run) run_main "$@"; exit $? ;;
        *) echo "usage: harness.sh run IMPL NS CONF OUT PORT" >&2; exit 2 ;;
    esac
fi
