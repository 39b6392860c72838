# Guest-side library of the IPVS differential harness (IpvsDifferentialIT): sourced by the script the host
# generates, which calls these functions, one per scenario step. Every process it starts is ended by its PID.
# Inputs (set by the generated script): OUT (writable result directory), RUN (scratch directory in the guest's
# tmpfs), and per run IMPL and the daemon command line DAEMON (an array, without -f).
set -u
export LC_ALL=C
POLL_SECONDS=0.3
NOTIFY=/tmp/interop-notify          # quorum_up/quorum_down scripts of the scenarios append to it
LISTENERS=()
DPID=
DIVERGED=0

up() { cut -d' ' -f1 /proc/uptime; }
event() { echo "$(up) $*" >> "$SDIR/events.txt"; echo "interop: $IMPL $SCENARIO: $*"; }

# The poll key: what a capture must equal before it is taken (2 polls in a row). Same bytes as
# IpvsCapture.pollKey on the host.
key() {
    { ipvsadm -Sn | sort; ipvsadm -L --timeout; [ -f $NOTIFY ] && sort $NOTIFY; } \
        | sed 's/^[[:space:]]*//; s/[[:space:]]*$//' | grep -v '^$'
    true
}

raw() {
    echo '#S'; ipvsadm -Sn
    echo '#L'; ipvsadm -Ln
    echo '#H'; ipvsadm -Ln --thresholds
    echo '#T'; ipvsadm -L --timeout
    echo '#D'; ipvsadm -L --daemon
    echo '#N'; [ -f $NOTIFY ] && cat $NOTIFY
    true
}

# Back to a clean kernel and guest between runs.
reset_all() {
    [ -n "$DPID" ] && kill -KILL "$DPID" 2>/dev/null && wait "$DPID" 2>/dev/null
    DPID=
    for pid in "${LISTENERS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    LISTENERS=()
    ipvsadm -C
    ipvsadm --set 900 120 300
    ipvsadm --stop-daemon master 2>/dev/null; ipvsadm --stop-daemon backup 2>/dev/null
    rm -f $NOTIFY "$RUN"/*.pid "$RUN"/live.conf
    true
}

scenario_begin() {
    SCENARIO=$1; IMPL=$2; SDIR=$OUT/$SCENARIO/$IMPL; DIVERGED=0
    mkdir -p "$SDIR"; : > "$SDIR/events.txt"
    reset_all
    event "begin"
}

scenario_end() { reset_all; event "end"; }

# listen ADDR PORT: a TCP listener that accepts and closes; returns once it accepts.
listen() {
    /usr/bin/python3 -c 'import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], int(sys.argv[2]))); s.listen(128)
while True: s.accept()[0].close()' "$1" "$2" &
    local pid=$!
    LISTENERS+=("$pid"); echo "$pid" > "$RUN/listener-$1-$2.pid"
    for _ in $(seq 100); do (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && { event "listen $1:$2"; return 0; }; sleep 0.1; done
    event "listen $1:$2 NEVER OPENED"
}

unlisten() {
    local pid; pid=$(cat "$RUN/listener-$1-$2.pid")
    kill "$pid"; wait "$pid" 2>/dev/null
    event "unlisten $1:$2"
}

start() {
    cp "$SCEN/$1" "$RUN/live.conf"
    "${DAEMON[@]}" -f "$RUN/live.conf" "${@:2}" >> "$SDIR/daemon.log" 2>&1 &
    DPID=$!
    # until its pid file names it: signals are handled from then on (a JVM under TCG takes seconds to get there,
    # and a SIGTERM before would end it unhandled)
    for _ in $(seq 300); do
        grep -qx "$DPID" "$RUN"/*.pid 2>/dev/null && break
        kill -0 "$DPID" 2>/dev/null || break
        sleep 0.1
    done
    event "start $* (pid $DPID)"
}

reload() {
    cp "$SCEN/$1" "$RUN/live.conf"
    kill -HUP "$DPID"
    event "reload $1"
}

stop() {
    kill -TERM "$DPID" 2>/dev/null
    for _ in $(seq 200); do kill -0 "$DPID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$DPID" 2>/dev/null; then
        event "stop: still running after 20 s, SIGKILL"; kill -KILL "$DPID"
    fi
    wait "$DPID"; event "stopped (exit $?)"
    DPID=
}

# capture LABEL MAX_SECONDS: waits until the poll key equals the expected one ($EXPECT/LABEL.key) twice in a row,
# then saves the tables. At most MAX_SECONDS (3 once this run has diverged). Without an expected key (recording
# the golden files) it waits until the key has not changed for SETTLE_SECONDS, longer than the scenarios' checker
# cycle (delay_loop 1 + connect_timeout 1 + delay_before_retry 1).
SETTLE_SECONDS=5
capture() {
    local label=$1 max=$2 exp="$EXPECT/$1.key" start now same=0 k prev= since
    # a capture the scenario marks "known" differs on purpose: wait for it to settle instead of for a match
    case "${KNOWN:- }" in *" $label "*) [ "$IMPL" != keepalived ] && exp=/nonexistent/known ;; esac
    [ $DIVERGED = 1 ] && [ "$max" -gt 3 ] && max=3
    # a daemon that has exited will not change the tables any more
    [ -n "$DPID" ] && ! kill -0 "$DPID" 2>/dev/null && { event "capture $label: the daemon is not running"; max=1; }
    start=$(up); since=$start
    while :; do
        now=$(up)
        k=$(key)
        if [ -f "$exp" ]; then
            if [ "$k" = "$(cat "$exp")" ]; then same=$((same + 1)); [ $same -ge 2 ] && break; else same=0; fi
        else
            [ "$k" != "$prev" ] && { prev=$k; since=$now; }
            awk -v a="$since" -v b="$now" -v m="$SETTLE_SECONDS" 'BEGIN { exit !(b - a >= m) }' && break
        fi
        if awk -v a="$start" -v b="$now" -v m="$max" 'BEGIN { exit !(b - a >= m) }'; then
            [ -f "$exp" ] && { DIVERGED=1; event "capture $label: no match after $max s"; }
            break
        fi
        sleep $POLL_SECONDS
    done
    raw > "$SDIR/$label.raw"
    key > "$SDIR/$label.key"
    event "capture $label"
}

run() { "$@" >> "$SDIR/events.txt" 2>&1; event "ran: $*"; }
