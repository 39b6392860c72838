package org.jkeepalived.ipvs.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.kernelvm.KernelVm;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's IPVS programming-rate figures against the guest's real IPVS, with ipvsadm-restore on the same kernel
 * as the yardstick: bulk programming of N TCP services x D destinations through {@link LinuxIpvsKernel#apply} at
 * several batch sizes and through {@code ipvsadm-restore}, reading the table back, one weight change at N and at
 * 10 services, and flush. Each bulk phase is checked against a dump and {@code ipvsadm -Ln}, so a rate is never
 * reported for work the kernel did not do. Prints {@code BENCH} lines (markdown rows) that
 * {@code bench/ipvs-rate/run.sh} turns into the table of docs/benchmarks.md. Tagged {@code kernel} and
 * {@code bench}: the normal build never runs it; run.sh runs it in the VM.
 * Knobs (system properties): {@code ipvs.bench.services} (10000), {@code ipvs.bench.dests} (5),
 * {@code ipvs.bench.reps} (1000), {@code ipvs.bench.restoreRuns} (2: before and after the apply() phases; 1:
 * before), {@code ipvs.bench.batches} (comma-separated apply() sizes, 0 = one service's changes per call;
 * default {@code 0,1000}).
 */
@Tag(KernelVm.TAG)
@Tag("bench")
class IpvsRateBenchmarkTest {
    private static final String SCHEDULER = "wlc";
    private static final int VIP_PORT = 80;
    private static final int RS_PORT = 8080;

    private final int services = Integer.getInteger("ipvs.bench.services", 10_000);
    private final int dests = Integer.getInteger("ipvs.bench.dests", 5);
    private final int reps = Integer.getInteger("ipvs.bench.reps", 1_000);
    private final int restoreRuns = Integer.getInteger("ipvs.bench.restoreRuns", 2);
    private final int[] batches = Arrays.stream(System.getProperty("ipvs.bench.batches", "0,1000").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim())).toArray();

    /** Each phase's namespace, kept until the end: deleting one makes the kernel free its tables meanwhile. */
    private final List<Netns> namespaces = new ArrayList<>();

    @AfterEach
    void deleteNamespaces() {
        namespaces.forEach(Netns::close);
    }

    private Netns namespace(String name) {
        Netns ns = Netns.create(name);
        namespaces.add(ns);
        return ns;
    }

    @Test
    void programmingRate() throws Exception {
        KernelVm.assumeIpvs();
        assumeTrue(Privileged.isRoot(), "changing IPVS needs CAP_NET_ADMIN");
        int ops = services * (1 + dests);
        List<IpvsChange> all = changes(services, dests);
        row("| what | jkeepalived | ipvsadm | note |");
        row("|---|---|---|---|");
        // Each phase gets a fresh network namespace, i.e. its own IPVS tables: a flush leaves every deleted
        // destination on the namespace's dest_trash list (for a minute or two), which the kernel searches for a
        // reusable entry on every NEW_DEST. In one shared namespace apply() fell from ~20k to ~1.5-1.9k ops/s
        // after a flush of 50,000 destinations: whichever tool ran second would pay for the first one's rules.
        try (LinuxIpvsKernel kernel = open(namespace("ipvsb-w"))) {
            // Class loading and the first JIT of the apply path: a small table, not measured.
            applyAll(kernel, changes(200, dests), 0, null);
            kernel.flush();
        }
        // ipvsadm-restore before and after the apply() phases, so that neither tool alone meets the host's load
        // (2 cores shared with other work); the ratios below are against the faster of the two.
        double restoreRate = restorePhase("ipvsb-r1", "before apply()", ops);
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int b = 0; b < batches.length; b++) {
            int batch = batches[b];
            Netns ns = namespace("ipvsb-" + b);
            try (LinuxIpvsKernel kernel = open(ns)) {
                List<Long> perBatch = new ArrayList<>();
                long nanos = timed(() -> applyAll(kernel, all, batch, perBatch));
                Read read = verify(kernel, ns);
                double rate = ops / seconds(nanos);
                row(String.format("| bulk, apply() %s | %.1f s, **%,.0f ops/s** | | %s |", batchName(batch),
                        seconds(nanos), rate, progression(perBatch, batch > 0 ? batch : 1 + dests)));
                rates.put(batchName(batch), rate);
                row(String.format("| read back the table | %.1f s | %.1f s (ipvsadm -Ln) | |", seconds(read.nanos()),
                        seconds(read.ipvsadmNanos())));
                if (b == batches.length - 1) {
                    singleChange(kernel, services);
                }
                long flush = timed(kernel::flush);
                assertThat(kernel.services()).isEmpty();
                row(String.format("| flush at %,d services | %.0f ms (flush()) | | |", services, millis(flush)));
            }
        }
        if (restoreRuns > 1) {
            restoreRate = Math.max(restoreRate, restorePhase("ipvsb-r2", "after apply()", ops));
        }
        for (var r : rates.entrySet()) {
            row(String.format("| **ratio: apply() %s / ipvsadm-restore (the faster run)** | **%.2f x** | | |",
                    r.getKey(), r.getValue() / restoreRate));
        }
        Netns ns = namespace("ipvsb-s");
        try (LinuxIpvsKernel kernel = open(ns)) {
            applyAll(kernel, changes(10, dests), 0, null);
            singleChange(kernel, 10);
            long edit = timed(() -> run(ns.exec(List.of("ipvsadm", "-e", "-t", vip(0).getHostAddress() + ":"
                    + VIP_PORT, "-r", rs(0, 0).getHostAddress() + ":" + RS_PORT, "-m", "-w", "3")), null));
            row(String.format("| one weight change at 10 services, for scale | | %.0f ms (one `ip netns exec "
                    + "ipvsadm -e` process) | |", millis(edit)));
            kernel.flush();
        }
    }

    /** ipvsadm-restore of the whole table in a fresh namespace, checked, then ipvsadm -C; returns ops/s. */
    private double restorePhase(String nsName, String when, int ops) throws Exception {
        Netns ns = namespace(nsName);
        try (LinuxIpvsKernel kernel = open(ns)) {
            long nanos = restore(ns, ops);
            Read read = verify(kernel, ns);
            long flush = timed(() -> run(ns.exec(List.of("ipvsadm", "-C")), null));
            assertThat(kernel.services()).isEmpty();
            row(String.format("| bulk %,d services x %d destinations (%,d ops), ipvsadm-restore %s | | %.1f s, "
                    + "**%,.0f ops/s** | one process; includes the wrapper's grep and ipvsadm -C |",
                    services, dests, ops, when, seconds(nanos), ops / seconds(nanos)));
            row(String.format("| read back the table | %.1f s (services() + destinations() of each) "
                    + "| %.1f s (ipvsadm -Ln) | |",
                    seconds(read.nanos()), seconds(read.ipvsadmNanos())));
            row(String.format("| flush at %,d services | | %.0f ms (ipvsadm -C) | |", services, millis(flush)));
            return ops / seconds(nanos);
        }
    }

    private static LinuxIpvsKernel open(Netns ns) throws Exception {
        return ns.call(LinuxIpvsKernel::open);
    }

    /** The rate of the first and the last tenth of the calls (all of {@code changesPerCall} but maybe the last). */
    private static String progression(List<Long> perBatch, int changesPerCall) {
        int n = perBatch.size();
        if (n < 10) {
            return "";
        }
        int tenth = n / 10;
        long first = perBatch.subList(0, tenth).stream().mapToLong(Long::longValue).sum();
        long last = perBatch.subList(n - tenth, n).stream().mapToLong(Long::longValue).sum();
        double ops = (double) tenth * changesPerCall;
        return String.format("first / last tenth of the calls: %,.0f / %,.0f ops/s", ops / seconds(first),
                ops / seconds(last));
    }

    /** One weight change to the middle service's first destination, {@link #reps} times: median and p99. */
    private void singleChange(LinuxIpvsKernel kernel, int serviceCount) throws Exception {
        int s = serviceCount / 2;
        IpvsServiceKey key = key(s);
        long[] nanos = new long[reps];
        for (int i = 0; i < reps; i++) {
            IpvsDestination d = IpvsDestination.of(rs(s, 0), RS_PORT, IpvsForwarding.MASQ, 2 + (i & 1));
            long t0 = System.nanoTime();
            List<IpvsChange.Failure> failures = kernel.apply(List.of(new IpvsChange.UpdateDestination(key, d)));
            nanos[i] = System.nanoTime() - t0;
            assertThat(failures).isEmpty();
        }
        assertThat(kernel.destinations(key)).anySatisfy(e -> assertThat(e.destination().weight())
                .isEqualTo(2 + ((reps - 1) & 1)));
        Arrays.sort(nanos);
        row(String.format("| one weight change (UpdateDestination, apply() of 1) at %,d services, median / p99 of %,d "
                + "| %.0f / %.0f µs | | |", serviceCount, reps, nanos[reps / 2] / 1e3,
                nanos[(int) Math.ceil(reps * 0.99) - 1] / 1e3));
    }

    /**
     * Reads the whole table (the reconciler's start/reload read) and checks it is exactly what was meant; also
     * counts {@code ipvsadm -Ln}'s lines. Returns both reads' wall times.
     */
    private Read verify(LinuxIpvsKernel kernel, Netns ns) throws Exception {
        long t0 = System.nanoTime();
        List<IpvsServiceEntry> read = kernel.services();
        int destCount = 0;
        int badDests = 0;
        for (IpvsServiceEntry e : read) {
            List<IpvsDestinationEntry> ds = kernel.destinations(e.service().key());
            destCount += ds.size();
            if (ds.size() != dests) {
                badDests++;
            }
        }
        long nanos = System.nanoTime() - t0;
        assertThat(read).hasSize(services);
        assertThat(read).allSatisfy(e -> assertThat(e.service().scheduler()).isEqualTo(SCHEDULER));
        assertThat(read.stream().map(e -> e.service().key()).distinct().count()).isEqualTo(services);
        assertThat(badDests).as("services without exactly %d destinations", dests).isZero();
        assertThat(destCount).isEqualTo(services * dests);
        assertThat(kernel.destinations(key(services - 1))).extracting(e -> e.destination().address())
                .containsExactlyInAnyOrderElementsOf(rsOf(services - 1));
        long ln0 = System.nanoTime();
        String listing = run(ns.exec(List.of("ipvsadm", "-Ln")), null);
        long lnNanos = System.nanoTime() - ln0;
        assertThat(listing.lines().count()).as("ipvsadm -Ln lines: 3 headers + services + destinations")
                .isEqualTo(3 + services + services * dests);
        return new Read(nanos, lnNanos);
    }

    /** Wall times of reading the table back: ours (services() + destinations() of each) and ipvsadm -Ln's. */
    private record Read(long nanos, long ipvsadmNanos) {
    }

    /** ipvsadm-restore of the rules from a file (the wrapper runs ipvsadm -C, then ipvsadm -R). */
    private long restore(Netns ns, int ops) throws Exception {
        Path file = Files.createTempFile("ipvs-bench-", ".rules");
        try {
            StringBuilder b = new StringBuilder(ops * 50);
            for (int s = 0; s < services; s++) {
                String vip = vip(s).getHostAddress() + ":" + VIP_PORT;
                b.append("-A -t ").append(vip).append(" -s ").append(SCHEDULER).append('\n');
                for (InetAddress rs : rsOf(s)) {
                    b.append("-a -t ").append(vip).append(" -r ").append(rs.getHostAddress()).append(':')
                            .append(RS_PORT).append(" -m -w 1\n");
                }
            }
            Files.writeString(file, b);
            return timed(() -> run(ns.exec(List.of("ipvsadm-restore")), file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Applies {@code all} in calls of {@code batch} changes, 0 meaning one service's changes per call (as the
     * reconciler groups them; every service here has the same count); each call's time goes to {@code perCall}.
     */
    private static void applyAll(LinuxIpvsKernel kernel, List<IpvsChange> all, int batch, List<Long> perCall)
            throws IpvsException {
        int size = batch > 0 ? batch : 1 + dests(all); // 0: one service's changes per call
        for (int i = 0; i < all.size(); i += size) {
            long t0 = System.nanoTime();
            List<IpvsChange.Failure> failures = kernel.apply(all.subList(i, Math.min(all.size(), i + size)));
            if (perCall != null) {
                perCall.add(System.nanoTime() - t0);
            }
            requireNone(failures);
        }
    }

    /** Destinations per service in a list made by {@link #changes}. */
    private static int dests(List<IpvsChange> all) {
        int n = 1;
        while (n < all.size() && all.get(n) instanceof IpvsChange.AddDestination) {
            n++;
        }
        return n - 1;
    }

    /** A plain check inside the timed loops (an AssertJ assertion per call would be measured too). */
    private static void requireNone(List<IpvsChange.Failure> failures) {
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " changes failed, first: " + failures.get(0).error());
        }
    }

    private String batchName(int batch) {
        return batch == 0 ? "per service (" + (1 + dests) + " changes per call)"
                : batch >= services * (1 + dests) ? "in one call" : "in batches of " + String.format("%,d", batch);
    }

    private static List<IpvsChange> changes(int serviceCount, int destCount) throws UnknownHostException {
        List<IpvsChange> out = new ArrayList<>(serviceCount * (1 + destCount));
        for (int s = 0; s < serviceCount; s++) {
            IpvsServiceKey key = key(s);
            out.add(new IpvsChange.AddService(IpvsService.of(key, SCHEDULER)));
            for (int d = 0; d < destCount; d++) {
                out.add(new IpvsChange.AddDestination(key, IpvsDestination.of(rs(s, d), RS_PORT,
                        IpvsForwarding.MASQ, 1)));
            }
        }
        return out;
    }

    private static IpvsServiceKey key(int s) throws UnknownHostException {
        return IpvsServiceKey.of(IpvsProtocol.TCP, vip(s), VIP_PORT);
    }

    /** Virtual addresses in 10.64.0.0/10, real servers in 172.16.0.0/12: all distinct. */
    private static InetAddress vip(int s) throws UnknownHostException {
        return address(0x0A400001 + s);
    }

    private static InetAddress rs(int s, int d) throws UnknownHostException {
        return address(0xAC100001 + s * 8 + d);
    }

    private List<InetAddress> rsOf(int s) throws UnknownHostException {
        List<InetAddress> out = new ArrayList<>();
        for (int d = 0; d < dests; d++) {
            out.add(rs(s, d));
        }
        return out;
    }

    private static InetAddress address(int v) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    /** Runs a command (stdin from {@code input} or /dev/null), fails unless it exits 0, returns its stdout. */
    private static String run(List<String> cmd, Path input) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(input == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                        : ProcessBuilder.Redirect.from(input.toFile()));
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(cmd + ": " + out).isZero();
        return out;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long timed(Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        return System.nanoTime() - t0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void row(String line) {
        System.out.println("BENCH " + line);
    }
}
