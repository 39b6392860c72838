#!/usr/bin/env python3
"""VRRP benchmark driver (issue 4): keepalived 2.2.7 and jkeepalived in the same run, same configs.

Topology: namespaces PREFIX-r1, PREFIX-r2 (routers) and PREFIX-c (client), each with an eth0 whose
veth peer is a port of bridge br0 in PREFIX-br; 10.77.0.1, .2, .10/24.

Parts (see run.sh for the parameters):
  failover  client-seen outage: the client (netprobe.py probe) sends an ICMP echo to the VIP every
            5 ms; t0 is taken just before the master is killed; the outage is the first reply whose
            Ethernet source is the backup's MAC, minus t0. A crash is SIGKILL of every process of
            the master plus its bridge port taken down (a dead host: otherwise the VIP it leaves
            behind would still answer); graceful is SIGTERM (priority-0 advert, RFC 5798 §6.4.2).
  scale     200 instances, v3, 0.1 s, the node MASTER alone: CPU % of one core over a window
            (utime+stime of all its processes from /proc/PID/stat), VmRSS (sum), and the advert
            timing deviation |gap - advert_int| from a capture on the bridge port (kernel timestamps).
  soak      200 instances at 0.05 s, jkeepalived MASTER under allocation pressure (AllocPressure
            agent), a BACKUP peer; counts false failovers after the initial settle; GC pauses.
Writes results.json and section.md into WORK.
"""
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
JK = os.path.join(ROOT, "bin", "jkeepalived")
KA = "/usr/sbin/keepalived"
NETPROBE = os.path.join(HERE, "netprobe.py")
CLK_TCK = os.sysconf("SC_CLK_TCK")

P = os.environ.get("NS_PREFIX", "jkb-")
BR, R1, R2, CL = P + "br", P + "r1", P + "r2", P + "c"
ADDR = {R1: "10.77.0.1", R2: "10.77.0.2", CL: "10.77.0.10"}
PORT = {R1: "p1", R2: "p2", CL: "pc"}
VIP = "10.77.0.100"


def log(*a):
    print("[vrrpbench %s]" % time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


def sh(*cmd, check=True):
    return subprocess.run(cmd, check=check, capture_output=True, text=True).stdout


def nsip(ns, *args, check=True):
    return sh("ip", "-n", ns, *args, check=check)


# ---------------------------------------------------------------- topology

def topo_up():
    topo_down()
    for ns in (BR, R1, R2, CL):
        sh("ip", "netns", "add", ns)
        nsip(ns, "link", "set", "lo", "up")
    nsip(BR, "link", "add", "br0", "type", "bridge", "stp_state", "0", "mcast_snooping", "0")
    nsip(BR, "link", "set", "br0", "up")
    for ns in (R1, R2, CL):
        nsip(ns, "link", "add", "eth0", "type", "veth", "peer", "name", PORT[ns], "netns", BR)
        nsip(BR, "link", "set", PORT[ns], "master", "br0", "up")
        nsip(ns, "addr", "add", ADDR[ns] + "/24", "dev", "eth0")
        nsip(ns, "link", "set", "eth0", "up")


def topo_down():
    for ns in (BR, R1, R2, CL):
        sh("ip", "netns", "del", ns, check=False)


def mac(ns):
    return json.loads(nsip(ns, "-j", "link", "show", "eth0"))[0]["address"]


def reset_node(ns):
    """Link up, and only the node's own address left (a SIGKILLed daemon leaves its VIPs)."""
    nsip(BR, "link", "set", PORT[ns], "up")
    nsip(ns, "addr", "flush", "dev", "eth0")
    nsip(ns, "addr", "add", ADDR[ns] + "/24", "dev", "eth0")
    nsip(ns, "link", "set", "eth0", "up")


# ---------------------------------------------------------------- configs

def instance(vrid, state, prio, adv, version, vip):
    return ("vrrp_instance VI_%d {\n  state %s\n  interface eth0\n  virtual_router_id %d\n"
            "  priority %d\n  advert_int %s\n  version %d\n  virtual_ipaddress {\n    %s\n  }\n}\n"
            % (vrid, state, vrid, prio, adv, version, vip))


def config(path, router_id, instances):
    with open(path, "w") as f:
        f.write("global_defs {\n  router_id %s\n}\n" % router_id)
        for i in instances:
            f.write(i)
    return path


def many(state, prio, adv, n=200):
    return [instance(v, state, prio, adv, 3, "10.77.%d.%d/32" % (1 + v // 250, v % 250 + 1))
            for v in range(1, n + 1)]


# ---------------------------------------------------------------- daemons

class Daemon:
    def __init__(self, product, ns, conf, work, tag, env=None):
        self.product, self.ns, self.conf = product, ns, conf
        self.base = os.path.join(work, tag)
        self.logpath = self.base + ".log"
        self.env = dict(os.environ, **(env or {}))
        self.proc = None

    def start(self):
        b = self.base
        for suffix in (".pid", "-vrrp.pid", "-check.pid"):
            if os.path.exists(b + suffix):
                os.unlink(b + suffix)
        if self.product == "keepalived":
            cmd = [KA, "-n", "-l", "-D", "-f", self.conf, "-p", b + ".pid", "-r", b + "-vrrp.pid",
                   "-c", b + "-check.pid"]
        else:
            cmd = [JK, "-n", "-l", "-f", self.conf, "-p", b + ".pid"]
            self.env.setdefault("JKEEPALIVED_STATE_DIR", b + "-state")
        out = open(self.logpath, "w")
        wrap = self.env.pop("BENCH_WRAP", "").split()  # e.g. "chrt -r 10": a scheduling experiment
        self.proc = subprocess.Popen(["ip", "netns", "exec", self.ns] + wrap + cmd, stdout=out,
                                     stderr=subprocess.STDOUT, env=self.env, start_new_session=True)
        return self

    def pids(self):
        """Every process of the daemon: keepalived's parent and its VRRP (and checker) children."""
        found = []
        for suffix in (".pid", "-vrrp.pid", "-check.pid"):
            try:
                with open(self.base + suffix) as f:
                    found.append(int(f.read().strip()))
            except (OSError, ValueError):
                pass
        if self.proc and self.proc.pid not in found and self.proc.poll() is None:
            found.append(self.proc.pid)
        return [p for p in found if os.path.exists("/proc/%d" % p)]

    def signal(self, sig):
        # The advertising process first (keepalived's VRRP child), then the parent.
        for pid in sorted(self.pids(), key=lambda p: 0 if p != self.proc.pid else 1):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    def stop(self):
        if self.proc is None:
            return
        self.signal(signal.SIGKILL)
        try:
            self.proc.kill()
        except ProcessLookupError:
            pass
        self.proc.wait()
        # keepalived's children die with their parent; make sure before the next start.
        for _ in range(50):
            if not self.pids():
                break
            self.signal(signal.SIGKILL)
            time.sleep(0.02)

    def text(self):
        try:
            with open(self.logpath, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def count(self, pattern):
        return len(re.findall(pattern, self.text()))

    def wait(self, pattern, n, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.count(pattern) >= n:
                return True
            if self.proc.poll() is not None:
                raise RuntimeError("%s exited: %s" % (self.product, self.text()[-2000:]))
            time.sleep(0.05)
        raise RuntimeError("%s: timed out waiting for %d x %r; log tail:\n%s"
                           % (self.product, n, pattern, self.text()[-2000:]))

    def rt_threads(self, prio=10):
        """SCHED_RR for the JVM's VRRP threads only ("vrrp" loop, "vrrp-rx-*", "vrrp-netlink"): what a
        product change (sched_setscheduler on those threads, like keepalived's vrrp_rt_priority)
        would do, tried from outside with chrt -p."""
        done = 0
        for pid in self.pids():
            for tid in os.listdir("/proc/%d/task" % pid):
                try:
                    with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                        name = f.read().strip()
                except OSError:
                    continue
                if name.startswith("vrrp"):
                    sh("chrt", "-r", "-p", str(prio), tid)
                    done += 1
        if not done:
            raise RuntimeError("no vrrp threads found")
        return done

    def cpu_ticks(self):
        total = 0
        for pid in self.pids():
            try:
                with open("/proc/%d/stat" % pid) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime, stime (all threads)
            except OSError:
                pass
        return total

    def rss_kb(self):
        total = 0
        for pid in self.pids():
            try:
                with open("/proc/%d/status" % pid) as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
            except OSError:
                pass
        return total


MASTER_RE = r"Entering MASTER STATE"
BACKUP_RE = r"Entering BACKUP STATE"
ANY_STATE_RE = r"Entering [A-Z]+ STATE"


# ---------------------------------------------------------------- failover

CASES = {
    # name: (version, advert_int s, how the master dies)
    "v2-1s-crash": (2, 1.0, "crash"),
    "v3-0.1s-crash": (3, 0.1, "crash"),
    "v3-0.1s-graceful": (3, 0.1, "graceful"),
    # "-warm": the same, but the backup has been MASTER once before (it ran alone first and was preempted), so
    # its takeover path has run: separates a first-takeover (cold code) cost from the protocol timing.
    "v3-0.1s-graceful-warm": (3, 0.1, "graceful"),
    "v3-0.1s-crash-warm": (3, 0.1, "crash"),
}


def failover_once(work, case, master_product, backup_product, jenv):
    version, adv, how = CASES[case]
    for ns in (R1, R2):
        reset_node(ns)
    nsip(CL, "neigh", "flush", "dev", "eth0", check=False)
    vip = VIP + "/24"
    mconf = config(os.path.join(work, "fo-m.conf"), "r1", [instance(51, "MASTER", 150, adv, version, vip)])
    bconf = config(os.path.join(work, "fo-b.conf"), "r2", [instance(51, "BACKUP", 100, adv, version, vip)])
    m = Daemon(master_product, R1, mconf, work, "fo-m", jenv if master_product == "jkeepalived" else None)
    b = Daemon(backup_product, R2, bconf, work, "fo-b", jenv if backup_product == "jkeepalived" else None)
    probe = None
    warm = case.endswith("-warm")
    try:
        if warm:
            b.start().wait(MASTER_RE, 1, 20)
            time.sleep(0.5)
            m.start().wait(MASTER_RE, 1, 20)
            b.wait(BACKUP_RE, 2, 10)  # preempted
        else:
            m.start().wait(MASTER_RE, 1, 20)
            b.start().wait(BACKUP_RE, 1, 20)
        masters_before = b.count(MASTER_RE)
        time.sleep(max(1.0, 3 * adv))  # a few adverts: the backup has learnt the master
        if b.count(MASTER_RE) > masters_before:
            raise RuntimeError("backup became MASTER before the kill:\n" + b.text()[-1500:])
        out = os.path.join(work, "probe.txt")
        probe = subprocess.Popen(["ip", "netns", "exec", CL, sys.executable, NETPROBE, "probe", "eth0",
                                  VIP, "5", out])
        # A random phase within the advert interval, so that the repetitions sample where in the
        # master's advert cycle the death falls (it decides how much of Master_Down_Interval is left).
        time.sleep(0.6 + random.uniform(0, adv))
        t0 = time.time_ns()
        if how == "crash":
            m.signal(signal.SIGKILL)
            nsip(BR, "link", "set", PORT[R1], "down")  # the dead host is off the wire
        else:
            m.signal(signal.SIGTERM)
        b.wait(MASTER_RE, masters_before + 1, 3 * adv + 3)
        time.sleep(0.3)
        probe.send_signal(signal.SIGTERM)
        probe.wait(10)
        probe = None
        rows = []
        with open(out) as f:
            for line in f:
                if not line.startswith("#"):
                    t, mc, _ = line.split()
                    rows.append((int(t), mc))
        mm, bm = mac(R1), mac(R2)
        if not any(mc == mm and t < t0 for t, mc in rows):
            raise RuntimeError("no reply from the master before the kill")
        after = [t for t, mc in rows if mc == bm and t > t0]
        if not after:
            raise RuntimeError("no reply from the backup after the kill")
        return (min(after) - t0) / 1e9
    finally:
        if probe:
            probe.kill()
            probe.wait()
        m.stop()
        b.stop()


def failover(work, cases, reps, pairs, jenv):
    res = {}
    for case in cases:
        n = reps[case]
        for mp, bp in pairs:
            key = "%s|%s->%s" % (case, mp, bp)
            vals, errors = [], []
            for i in range(n):
                try:
                    v = failover_once(work, case, mp, bp, jenv)
                    vals.append(v)
                    log("%s rep %d: %.3f s" % (key, i + 1, v))
                except Exception as e:  # one bad repetition is reported, not fatal
                    errors.append(str(e)[:300])
                    log("%s rep %d FAILED: %s" % (key, i + 1, str(e)[:800]))
            res[key] = {"values": vals, "errors": errors}
    return res


# ---------------------------------------------------------------- scale + deviation

def deviation(path, adv):
    by = {}
    with open(path) as f:
        for line in f:
            t, v = line.split()
            by.setdefault(int(v), []).append(int(t))
    devs, per_p99 = [], []
    for v, ts in by.items():
        ts.sort()
        d = [abs((b - a) / 1e6 - adv * 1000) for a, b in zip(ts, ts[1:])]
        if d:
            devs += d
            per_p99.append(pct(d, 99))
    if not devs:
        return None
    return {"instances": len(by), "gaps": len(devs), "p50_ms": pct(devs, 50), "p99_ms": pct(devs, 99),
            "max_ms": max(devs), "worst_instance_p99_ms": max(per_p99),
            "late_over_1_interval": sum(1 for x in devs if x > adv * 1000)}


def pct(xs, p):
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, int(round(p / 100.0 * len(s) + 0.5)) - 1))]


def scale(work, product, window, env, label, n=200, adv=0.1, rt_threads=False):
    for ns in (R1, R2):
        reset_node(ns)
    conf = config(os.path.join(work, "scale.conf"), "r1", many("MASTER", 150, adv, n))
    d = Daemon(product, R1, conf, work, "scale-" + re.sub(r"[^A-Za-z0-9]+", "-", label).strip("-"), env)
    try:
        t_start = time.monotonic()
        d.start().wait(MASTER_RE, n, 60)
        up = time.monotonic() - t_start
        if rt_threads:
            d.rt_threads()
        time.sleep(10)  # settle: JIT, first GC cycles
        cap = d.base + "-capture.txt"
        s0 = d.count(ANY_STATE_RE)
        c = subprocess.Popen(["ip", "netns", "exec", BR, sys.executable, NETPROBE, "capture", PORT[R1],
                              ADDR[R1], str(window), cap])
        t1, k1 = time.monotonic(), d.cpu_ticks()
        time.sleep(window)
        t2, k2 = time.monotonic(), d.cpu_ticks()
        rss = d.rss_kb()
        c.wait(window + 30)
        r = {"label": label, "cpu_pct": 100.0 * (k2 - k1) / CLK_TCK / (t2 - t1), "rss_mb": rss / 1024.0,
             "to_all_master_s": up, "deviation": deviation(cap, adv),
             "state_changes_in_window": d.count(ANY_STATE_RE) - s0}
        log("scale %s: %s" % (label, json.dumps(r)))
        return r
    finally:
        d.stop()


# ---------------------------------------------------------------- soak

def gc_pauses(path):
    ps = []
    try:
        with open(path) as f:
            for line in f:
                m = re.search(r"Pause.*?(\d+(?:\.\d+)?)ms\s*$", line)
                if m:
                    ps.append(float(m.group(1)))
    except OSError:
        pass
    if not ps:
        return None
    return {"count": len(ps), "p50_ms": pct(ps, 50), "p99_ms": pct(ps, 99), "max_ms": max(ps)}


def soak(work, seconds, rate_mb, backup_product, agent, jenv, gc_label, adv=0.05, n=200, capture_s=120):
    for ns in (R1, R2):
        reset_node(ns)
    gclog = os.path.join(work, "soak-gc.log")
    env = dict(jenv)
    env["JKEEPALIVED_JAVA_OPTS"] = (env.get("JKEEPALIVED_JAVA_OPTS", "") + " -javaagent:%s=%d -Xlog:gc:file=%s"
                                    % (agent, rate_mb, gclog)).strip()
    mconf = config(os.path.join(work, "soak-m.conf"), "r1", many("MASTER", 150, adv, n))
    bconf = config(os.path.join(work, "soak-b.conf"), "r2", many("BACKUP", 100, adv, n))
    rt_threads = bool(env.pop("BENCH_RT_THREADS", None))
    m = Daemon("jkeepalived", R1, mconf, work, "soak-m", env)
    # chrt and the soak's JVM options are for the master only
    benv = {k: v for k, v in jenv.items()
            if k not in ("BENCH_WRAP", "BENCH_RT_THREADS", "JKEEPALIVED_GC", "JKEEPALIVED_JAVA_OPTS")}
    b = Daemon(backup_product, R2, bconf, work, "soak-b", benv if backup_product == "jkeepalived" else None)
    try:
        m.start().wait(MASTER_RE, n, 60)
        if rt_threads:
            m.rt_threads()
        b.start().wait(BACKUP_RE, n, 60)
        time.sleep(3)
        if b.count(MASTER_RE):
            raise RuntimeError("backup became MASTER during the settle:\n" + b.text()[-1500:])
        m0, b0 = m.count(ANY_STATE_RE), b.count(ANY_STATE_RE)
        bm0 = b.count(MASTER_RE)
        t1, k1 = time.monotonic(), m.cpu_ticks()
        cap = os.path.join(work, "soak-capture.txt")
        capture_s = min(capture_s, seconds)
        c = subprocess.Popen(["ip", "netns", "exec", BR, sys.executable, NETPROBE, "capture", PORT[R1],
                              ADDR[R1], str(capture_s), cap])
        end = time.monotonic() + seconds
        rss_max = 0
        while time.monotonic() < end:
            time.sleep(min(5, max(0, end - time.monotonic())))
            rss_max = max(rss_max, m.rss_kb())
            if m.proc.poll() is not None:
                raise RuntimeError("master exited during the soak:\n" + m.text()[-1500:])
        t2, k2 = time.monotonic(), m.cpu_ticks()
        c.wait(60)
        r = {"seconds": seconds, "rate_mb_s": rate_mb, "backup": backup_product, "gc": gc_label,
             "backup_became_master": b.count(MASTER_RE) - bm0,
             "master_state_changes": m.count(ANY_STATE_RE) - m0,
             "backup_state_changes": b.count(ANY_STATE_RE) - b0,
             "master_cpu_pct": 100.0 * (k2 - k1) / CLK_TCK / (t2 - t1), "master_rss_max_mb": rss_max / 1024.0,
             "gc_pauses": gc_pauses(gclog), "deviation": deviation(cap, adv), "deviation_window_s": capture_s}
        log("soak: %s" % json.dumps(r))
        return r
    finally:
        m.stop()
        b.stop()



# ---------------------------------------------------------------- report

def fmt3(vals):
    if not vals:
        return "n/a"
    return "%.3f / %.3f / %.3f s" % (min(vals), statistics.median(vals), max(vals))


def ratio(a, b):
    return "%.2f" % (a / b) if a is not None and b else "n/a"


def render(results, header):
    out = ["## VRRP engine (issue 4)", header, ""]
    fo = results.get("failover")
    if fo:
        out += ["### Client-seen failover",
                "Outage = first ICMP echo reply from the backup's MAC after the master's death (probe every 5 ms); "
                "min / median / max over N repetitions. Same-product pairs: the backup that takes over is the "
                "product named.", "",
                "| case | keepalived → keepalived | jkeepalived → jkeepalived | median ratio (j/k) | N (k, j) | goal: j median ≤ k median |",
                "|---|---|---|---|---|---|"]
        for case in CASES:
            k = fo.get("%s|keepalived->keepalived" % case)
            j = fo.get("%s|jkeepalived->jkeepalived" % case)
            if not k or not j:
                continue
            kv, jv = k["values"], j["values"]
            km = statistics.median(kv) if kv else None
            jm = statistics.median(jv) if jv else None
            met = "n/a" if km is None or jm is None else ("yes" if jm <= km else "no (+%.1f ms)" % ((jm - km) * 1000))
            out.append("| %s | %s | %s | %s | %d, %d%s | %s |" % (
                case, fmt3(kv), fmt3(jv), ratio(jm, km), len(kv), len(jv),
                "" if not (k["errors"] or j["errors"]) else " (failed reps: %d, %d)" % (len(k["errors"]), len(j["errors"])),
                met))
        mixed = [key for key in fo if key.split("|")[1] in ("keepalived->jkeepalived", "jkeepalived->keepalived")]
        if mixed:
            out += ["", "Mixed pairs (master → backup):", "", "| case | pair | min / median / max | N |", "|---|---|---|---|"]
            for key in mixed:
                case, pair = key.split("|")
                out.append("| %s | %s | %s | %d |" % (case, pair.replace("->", " → "), fmt3(fo[key]["values"]),
                                                      len(fo[key]["values"])))
        out.append("")
    sc = results.get("scale")
    if sc:
        ok = [r for r in sc if "error" not in r]
        k = next((r for r in ok if r["label"] == "keepalived"), None)
        out += ["### 200 instances, VRRPv3, advert_int 0.1 s, node MASTER",
                "CPU = utime+stime of all the daemon's processes and threads over the window, as % of one core; "
                "RSS = VmRSS summed over its processes at the end of the window. Advert deviation = "
                "|gap between two adverts of one instance − 100 ms|, all instances' gaps pooled (p50 / p99 / max), "
                "and the worst instance's own p99; kernel receive timestamps on the master's bridge port. "
                "Ratios are against plain keepalived.", "",
                "| variant | CPU, % of a core | RSS, MB | advert deviation p50 / p99 / max, ms | worst instance p99, ms "
                "| gaps | start to 200 × MASTER, s | state changes in window |",
                "|---|---|---|---|---|---|---|---|"]

        def rel(r, key):
            v = r[key]
            return "%.1f" % v + ("" if r is k or not k or not k[key] else " (%.2f×)" % (v / k[key]))
        for r in ok:
            d = r.get("deviation")
            out.append("| %s | %s | %s | %s | %s | %s | %.1f | %d |" % (
                r["label"], rel(r, "cpu_pct"), rel(r, "rss_mb"),
                "%.2f / %.2f / %.2f" % (d["p50_ms"], d["p99_ms"], d["max_ms"]) if d else "n/a",
                "%.2f" % d["worst_instance_p99_ms"] if d else "n/a", d["gaps"] if d else "n/a",
                r["to_all_master_s"], r["state_changes_in_window"]))
        for r in sc:
            if "error" in r:
                out.append("\n%s failed: `%s`" % (r["label"], r["error"][:300].replace("\n", " ")))
        out.append("")
    so = results.get("soak")
    if so:
        out += ["### Soak: 200 instances at advert_int 0.05 s, jkeepalived MASTER under allocation pressure", ""]
        if "error" in so:
            out.append("Failed: `%s`" % so["error"][:500].replace("\n", " "))
        else:
            g = so.get("gc_pauses") or {}
            d = so.get("deviation") or {}
            out += ["| measure | value |", "|---|---|",
                    "| duration | %.0f s after the settle |" % so["seconds"],
                    "| allocation pressure (agent) | %d MB/s |" % so["rate_mb_s"],
                    "| master GC | %s |" % so["gc"],
                    "| backup | %s, priority 100 |" % so["backup"],
                    "| backup entered MASTER (false failovers) | %d |" % so["backup_became_master"],
                    "| master state changes | %d |" % so["master_state_changes"],
                    "| GC pauses: count, p50 / p99 / max | %s |" % (
                        "%d, %.2f / %.2f / %.2f ms" % (g["count"], g["p50_ms"], g["p99_ms"], g["max_ms"]) if g else "n/a"),
                    "| master CPU (incl. the agent's thread), %% of one core | %.1f |" % so["master_cpu_pct"],
                    "| master max RSS | %.1f MB |" % so["master_rss_max_mb"],
                    "| advert deviation p50 / p99 / max (first %d s, vs 50 ms) | %s |" % (
                        so["deviation_window_s"],
                        "%.2f / %.2f / %.2f ms" % (d["p50_ms"], d["p99_ms"], d["max_ms"]) if d else "n/a")]
        out.append("")
    return "\n".join(out)


def render_main(argv):
    with open(argv[0]) as f:
        results = json.load(f)
    header = open(argv[1]).read().strip() if len(argv) > 1 else ""
    print(render(results, header))


# ---------------------------------------------------------------- main

# Footprint trials (RSS): a smaller heap target, C1 only (no C2 compiler arenas), a smaller code
# cache, and two glibc malloc arenas (MALLOC_ARENA_MAX) instead of up to 8 per core.
# (The launcher's default became Serial, C1 only, a 32 MB code cache and MALLOC_ARENA_MAX=2 after these trials.)
TUNED = "-XX:+UseShenandoahGC|-Xms16m -XX:SoftMaxHeapSize=24m"

def main():
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--reps-v2", type=int, default=5)
    ap.add_argument("--window", type=float, default=30)
    ap.add_argument("--soak-seconds", type=float, default=600)
    ap.add_argument("--soak-rate", type=int, default=300)
    ap.add_argument("--soak-backup", default="keepalived")
    ap.add_argument("--soak-capture", type=float, default=120, help="seconds of advert capture in the soak")
    ap.add_argument("--soak-rt", type=int, default=0, help="1: the soak master under chrt -r 10; 2: its vrrp threads only")
    ap.add_argument("--agent", required=True)
    ap.add_argument("--parts", default="failover,scale,soak")
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--tuned", default=TUNED,
                    help="extra jkeepalived variants for the scale part: GC|JAVA_OPTS;GC|JAVA_OPTS ('': none)")
    ap.add_argument("--rt", type=int, default=1, help="1: also both daemons under chrt -r 10 (SCHED_RR)")
    ap.add_argument("--mixed", action="store_true", help="also the mixed pairs (k->j, j->k)")
    ap.add_argument("--gcs", default="-XX:+UseShenandoahGC,-XX:+UseG1GC",
                    help="alternative JKEEPALIVED_GC values for the scale part")
    a = ap.parse_args()
    parts = a.parts.split(",")
    jenv = {}
    # JKEEPALIVED_GC / JKEEPALIVED_JAVA_OPTS from the caller's environment apply to the soak's master
    # only; the other parts name their JVM options in each variant.
    soak_jvm = {k: os.environ.pop(k) for k in ("JKEEPALIVED_GC", "JKEEPALIVED_JAVA_OPTS") if os.environ.get(k)}
    results = {"started": time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime()), "params": vars(a)}
    path = os.path.join(a.work, "results.json")

    def save():
        with open(path, "w") as f:
            json.dump(results, f, indent=1)

    topo_up()
    try:
        if "scale" in parts:
            results["scale"] = []
            rt = {"BENCH_WRAP": "chrt -r 10"}
            variants = [("keepalived", {}, "keepalived"),
                        ("jkeepalived", jenv, "jkeepalived (launcher default: Serial, C1)")]
            variants += [("jkeepalived", dict(jenv, JKEEPALIVED_GC=g), "jkeepalived (%s)" % g)
                         for g in a.gcs.split(",") if g]
            for entry in filter(None, a.tuned.split(";")):
                gc, opts = entry.split("|", 1)
                variants.append(("jkeepalived", dict(jenv, MALLOC_ARENA_MAX="2", JKEEPALIVED_GC=gc,
                                                     JKEEPALIVED_JAVA_OPTS=opts),
                                 "jkeepalived tuned: %s %s, MALLOC_ARENA_MAX=2" % (gc, opts)))
            if a.rt:
                variants += [("keepalived", rt, "keepalived under chrt -r 10"),
                             ("jkeepalived", dict(jenv, **rt), "jkeepalived (default) under chrt -r 10"),
                             ("jkeepalived", dict(jenv, BENCH_RT_THREADS="1"),
                              "jkeepalived (default), vrrp threads only SCHED_RR 10")]
            for product, env, label in variants:
                env = dict(env)
                rt_threads = bool(env.pop("BENCH_RT_THREADS", None))
                try:
                    results["scale"].append(scale(a.work, product, a.window, env, label, rt_threads=rt_threads))
                except Exception as e:
                    log("scale %s FAILED: %s" % (label, e))
                    results["scale"].append({"label": label, "error": str(e)[:500]})
                save()
        if "failover" in parts:
            pairs = [("keepalived", "keepalived"), ("jkeepalived", "jkeepalived")]
            if a.mixed:
                pairs += [("keepalived", "jkeepalived"), ("jkeepalived", "keepalived")]
            reps = {c: (a.reps_v2 if c.startswith("v2") else a.reps) for c in CASES}
            results["failover"] = failover(a.work, a.cases.split(","), reps, pairs, jenv)
            save()
        if "soak" in parts:
            try:
                senv = dict(jenv, **soak_jvm)
                if a.soak_rt == 1:
                    senv["BENCH_WRAP"] = "chrt -r 10"
                elif a.soak_rt == 2:
                    senv["BENCH_RT_THREADS"] = "1"
                results["soak"] = soak(a.work, a.soak_seconds, a.soak_rate, a.soak_backup, a.agent, senv,
                                       (soak_jvm.get("JKEEPALIVED_GC") or "Serial, C1 (launcher default)")
                                       + {0: "", 1: ", whole JVM under chrt -r 10",
                                          2: ", vrrp threads SCHED_RR 10"}[a.soak_rt]
                                       + (", JKEEPALIVED_JAVA_OPTS=" + soak_jvm["JKEEPALIVED_JAVA_OPTS"]
                                          if "JKEEPALIVED_JAVA_OPTS" in soak_jvm else ""),
                                       capture_s=a.soak_capture)
            except Exception as e:
                log("soak FAILED: %s" % e)
                results["soak"] = {"error": str(e)[:1500]}
            save()
    finally:
        topo_down()
    results["finished"] = time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime())
    save()


if __name__ == "__main__":
    if sys.argv[1:2] == ["render"]:
        render_main(sys.argv[2:])
    else:
        main()
