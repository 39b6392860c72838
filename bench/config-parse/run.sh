#!/usr/bin/env bash
# Config parse benchmark (issue 3). Generates 1,000 vrrp_instances + 1,000 virtual_servers x 10
# real_servers with checkers, then measures, in one run:
#   - jkeepalived in-process: cold parse+validate time, warm min/median, peak heap of the cold load;
#   - whole-process `-t` wall time of bin/jkeepalived and of keepalived (Debian 2.2.7), in a network
#     namespace with the interfaces the config names; min and median of RUNS each, and the ratio.
# Writes the figures to docs/benchmarks.md (section "Config parse"). Needs root and keepalived.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-10}
command -v keepalived >/dev/null || { echo "keepalived is not installed" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time, package time) is needed for the RSS figures" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "needs root (network namespace)" >&2; exit 1; }

mvn -q -o -DskipTests package 2>/dev/null || mvn -q -DskipTests package
work=$(mktemp -d)
ns="jka-bench-$$"
cleanup() { ip netns del "$ns" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
CP="service/target/jkeepalived.jar:service/target/lib/*:service/target/test-classes"
java -cp "$CP" org.jkeepalived.config.oracle.LargeConfig "$work/large.conf" 1000 1000 10
lines=$(wc -l < "$work/large.conf")

ip netns add "$ns"
for i in eth0 eth1 eth2 eth3; do ip -n "$ns" link add "$i" type veth peer name "p$i"; ip -n "$ns" link set "$i" up; done

# Wall time of one command in ms (date's ns clock).
walltime() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
stats() { sort -n | awk '{a[NR]=$1} END {printf "%d %d\n", a[1], a[int((NR+1)/2)]}'; }

k_times=(); j_times=()
for ((i = 0; i < RUNS; i++)); do
  k_times+=("$(walltime ip netns exec "$ns" keepalived -t -f "$work/large.conf")")
  j_times+=("$(walltime ip netns exec "$ns" bin/jkeepalived -t -f "$work/large.conf")")
done
read -r k_min k_med < <(printf '%s\n' "${k_times[@]}" | stats)
read -r j_min j_med < <(printf '%s\n' "${j_times[@]}" | stats)
k_rc=0; ip netns exec "$ns" keepalived -t -f "$work/large.conf" >/dev/null 2>&1 || k_rc=$?
j_rc=0; ip netns exec "$ns" bin/jkeepalived -t -f "$work/large.conf" >/dev/null 2>&1 || j_rc=$?
# Max RSS in KB of the measured program (GNU time follows the exec chain through ip netns exec).
maxrss() { /usr/bin/time -o "$work/rss" -f %M "$@" >/dev/null 2>&1 || true; tail -1 "$work/rss"; }
k_rss=$(maxrss ip netns exec "$ns" keepalived -t -f "$work/large.conf")
j_rss=$(maxrss ip netns exec "$ns" bin/jkeepalived -t -f "$work/large.conf")

# A typical small config: keepalived's own sample.
small=/usr/share/doc/keepalived/samples/keepalived.conf.sample
ks_times=(); js_times=()
for ((i = 0; i < RUNS; i++)); do
  ks_times+=("$(walltime ip netns exec "$ns" keepalived -t -f "$small")")
  js_times+=("$(walltime ip netns exec "$ns" bin/jkeepalived -t -f "$small")")
done
read -r ks_min ks_med < <(printf '%s\n' "${ks_times[@]}" | stats)
read -r js_min js_med < <(printf '%s\n' "${js_times[@]}" | stats)

inproc=$(ip netns exec "$ns" java -cp "$CP" bench/config-parse/ConfigParseBench.java "$work/large.conf" 15)
get() { echo "$inproc" | sed -n "s/^$1=//p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

section=$(cat <<MD
## Config parse (issue 3)
Run: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), $(keepalived -v 2>&1 | head -1).
Input: generated config, 1,000 vrrp_instances + 1,000 virtual_servers x 10 real_servers with TCP/HTTP/SSL/SMTP/DNS/UDP checkers, ${lines} lines (\`bench/config-parse/run.sh\`, RUNS=${RUNS}).

| measure | jkeepalived | keepalived 2.2.7 | ratio (j/k) |
|---|---|---|---|
| \`-t\` whole process, wall, min | ${j_min} ms | ${k_min} ms | $(ratio "$j_min" "$k_min") |
| \`-t\` whole process, wall, median | ${j_med} ms | ${k_med} ms | $(ratio "$j_med" "$k_med") |
| \`-t\` max RSS | $((j_rss / 1024)) MB | $((k_rss / 1024)) MB | $(ratio "$j_rss" "$k_rss") |
| \`-t\` exit code | ${j_rc} | ${k_rc} | |
| \`-t\` on keepalived.conf.sample (30 lines), wall, min / median | ${js_min} / ${js_med} ms | ${ks_min} / ${ks_med} ms | $(ratio "$js_med" "$ks_med") |
| parse + validate in-process, cold (first load in a fresh JVM) | $(get cold_ms) ms | | |
| parse + validate in-process, warm, min / median of 15 | $(get warm_min_ms) / $(get warm_median_ms) ms | | |
| peak heap during the cold load | $(get peak_heap_mb) MB | | |
| heap retained by the model after GC | $(get retained_heap_mb) MB | | |
MD
)
out=docs/benchmarks.md
mkdir -p docs
[ -f "$out" ] || printf '# Benchmarks\nFigures from the scripts in `bench/`, run on demand on the project machine (2 cores, 24 GB).\n\n' > "$out"
python3 - "$out" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
pattern = re.compile(r"## Config parse \(issue 3\)\n.*?(?=\n## |\Z)", re.S)
text = pattern.sub(section.strip() + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section.strip() + "\n"
open(path, "w").write(text)
PY
echo "$section"
