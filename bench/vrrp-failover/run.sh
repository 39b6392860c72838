#!/usr/bin/env bash
# VRRP benchmark (issue 4): keepalived 2.2.7 (/usr/sbin/keepalived) and jkeepalived (bin/jkeepalived)
# in the same run, with the same configs, in network namespaces (PREFIX-br bridge, -r1, -r2, -c):
#   1. client-seen failover (ICMP probe of the VIP every 5 ms): v2 1 s crash, v3 0.1 s crash,
#      v3 0.1 s graceful; same-product pairs (MIXED=1 adds keepalived<->jkeepalived pairs);
#   2. 200 instances at v3 0.1 s, node MASTER: CPU % of one core, RSS, advert timing deviation;
#      jkeepalived with the launcher's default (Serial, C1 only) and each of GCS;
#   3. soak: 200 instances at 0.05 s, jkeepalived MASTER under allocation pressure (bench-only agent
#      AllocPressure.java via JKEEPALIVED_JAVA_OPTS), a BACKUP peer; false failovers and GC pauses.
# Writes the figures to docs/benchmarks.md (section "VRRP engine (issue 4)"). Needs root, keepalived,
# python3. The programs: vrrpbench.py (driver), netprobe.py (ICMP probe and advert capture).
#
# Usage: bench/vrrp-failover/run.sh [--quick]
# Parameters (environment): N (failover repetitions of the v3 cases, default 10), N_V2 (v2 case, 5),
# WINDOW (s, CPU/deviation window, 30), SOAK_SECONDS (600), SOAK_RATE (MB/s allocated, 300),
# SOAK_BACKUP (keepalived|jkeepalived, keepalived), SOAK_CAPTURE (s of advert capture in the soak, 120),
# SOAK_RT (1: the soak master under `chrt -r 10`; 2: only its vrrp threads SCHED_RR 10; 0), GCS (comma-separated JKEEPALIVED_GC values, default
# -XX:+UseShenandoahGC,-XX:+UseG1GC), PARTS (failover,scale,soak), MIXED (1: mixed pairs too),
# TUNED (extra jkeepalived variants in part 2, "GC|JAVA_OPTS;GC|JAVA_OPTS", '' for none; default
# in vrrpbench.py: Shenandoah with a small heap target),
# RT (1: part 2 also runs both daemons under `chrt -r 10`, i.e. SCHED_RR, and jkeepalived with
# only its vrrp threads SCHED_RR: the thread-priority experiment), NS_PREFIX (jkb-), WRITE_DOC (1: update docs/benchmarks.md).
# --quick: N=3 N_V2=2 WINDOW=10 SOAK_SECONDS=60 (a smoke run; its figures are not the reference).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = --quick ]; then
  : "${N:=3}" "${N_V2:=2}" "${WINDOW:=10}" "${SOAK_SECONDS:=60}"
fi
N=${N:-10}; N_V2=${N_V2:-5}; WINDOW=${WINDOW:-30}; SOAK_SECONDS=${SOAK_SECONDS:-600}
SOAK_RATE=${SOAK_RATE:-300}; SOAK_BACKUP=${SOAK_BACKUP:-keepalived}
GCS=${GCS:--XX:+UseShenandoahGC,-XX:+UseG1GC}; PARTS=${PARTS:-failover,scale,soak}; WRITE_DOC=${WRITE_DOC:-1}
export NS_PREFIX=${NS_PREFIX:-jkb-}
[ -x /usr/sbin/keepalived ] || { echo "keepalived (/usr/sbin/keepalived) is not installed" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces, raw sockets)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 1; }

mvn -q -o -DskipTests package 2>/dev/null || mvn -q -DskipTests package
work=$(mktemp -d /tmp/jkb-vrrp.XXXXXX)
cleanup() { for ns in br r1 r2 c; do ip netns del "${NS_PREFIX}$ns" 2>/dev/null || true; done; }
trap cleanup EXIT
here=bench/vrrp-failover

# The allocation-pressure agent (bench only, not part of the product).
mkdir -p "$work/agent"
javac -d "$work/agent" "$here/AllocPressure.java"
printf 'Premain-Class: AllocPressure\n' > "$work/agent/manifest.txt"
jar cfm "$work/alloc-pressure.jar" "$work/agent/manifest.txt" -C "$work/agent" AllocPressure.class

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
python3 "$here/vrrpbench.py" --work "$work" --agent "$work/alloc-pressure.jar" --parts "$PARTS" \
  --reps "$N" --reps-v2 "$N_V2" --window "$WINDOW" --soak-seconds "$SOAK_SECONDS" --soak-rate "$SOAK_RATE" \
  --soak-backup "$SOAK_BACKUP" --soak-capture "${SOAK_CAPTURE:-120}" --soak-rt "${SOAK_RT:-0}" --gcs="$GCS" --rt "${RT:-1}" \
  ${TUNED+--tuned="$TUNED"} \
  ${MIXED:+--mixed}
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cat > "$work/header.md" <<MD
Run: $(date -u +%Y-%m-%dT%H:%MZ) (ended), $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), kernel $(uname -r), $(java -version 2>&1 | head -1), $(keepalived -v 2>&1 | head -1), jkeepalived $(git rev-parse --short HEAD).
Command: \`bench/vrrp-failover/run.sh${1:+ $1}\` with N=${N}, N_V2=${N_V2}, WINDOW=${WINDOW} s, SOAK_SECONDS=${SOAK_SECONDS}, SOAK_RATE=${SOAK_RATE} MB/s, SOAK_BACKUP=${SOAK_BACKUP}, SOAK_RT=${SOAK_RT:-0}.
Load average (1/5/15 min) before: ${load_before}; after: ${load_after}. The 2 cores may be shared with other work (the load average shows how much); tail figures then measure scheduling delay as much as the daemons.
MD
section=$(python3 "$here/vrrpbench.py" render "$work/results.json" "$work/header.md")
echo "$section"
echo "raw results: $work/results.json" >&2
if [ "$WRITE_DOC" = 1 ]; then
  out=docs/benchmarks.md
  python3 - "$out" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
pattern = re.compile(r"## VRRP engine \(issue 4\)\n.*?(?=\n## (?!#)|\Z)", re.S)
text = pattern.sub(lambda _: section.strip() + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section.strip() + "\n"
open(path, "w").write(text)
PY
fi
