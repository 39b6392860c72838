package org.jkeepalived.ipvs.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.ipvs.kernel.IpvsCodecTest.ip;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IpvsKernel} does, run against {@link FakeIpvsKernel} everywhere and against the real kernel in
 * the qemu VM, so that the fake stays faithful. Uses only the services it creates (198.51.100.0/24, 2001:db8::/32,
 * fwmarks 0x4a4b...), and deletes them after each test.
 */
abstract class IpvsKernelContract {
    static final IpvsServiceKey WEB = IpvsServiceKey.of(IpvsProtocol.TCP, ip("198.51.100.1"), 80);
    static final IpvsServiceKey DNS6 = IpvsServiceKey.of(IpvsProtocol.UDP, ip("2001:db8::53"), 53);
    static final IpvsServiceKey MARK = IpvsServiceKey.fwmark(IpvsAddressFamily.INET, 0x4a4b01);
    static final List<IpvsServiceKey> OURS = List.of(WEB, DNS6, MARK);
    static final IpvsDestination RS1 = IpvsDestination.of(ip("198.51.100.11"), 8080, IpvsForwarding.MASQ, 1);
    static final IpvsDestination RS2 = IpvsDestination.of(ip("198.51.100.12"), 8080, IpvsForwarding.MASQ, 2)
            .withThresholds(100, 10);

    abstract IpvsKernel kernel();

    /** Deletes what the tests may have left: a missing service is fine. */
    void deleteOurs() throws IpvsException {
        for (IpvsServiceKey k : OURS) {
            kernel().apply(List.of(new IpvsChange.DeleteService(k)));
        }
    }

    List<IpvsService> ourServices() throws IpvsException {
        return kernel().services().stream().map(IpvsServiceEntry::service).filter(s -> OURS.contains(s.key())).toList();
    }

    List<IpvsDestination> dests(IpvsServiceKey k) throws IpvsException {
        return kernel().destinations(k).stream().map(IpvsDestinationEntry::destination).toList();
    }

    static int errno(ThrowingRunnable r) {
        try {
            r.run();
        } catch (IpvsException e) {
            assertThat(e.kind()).isEqualTo(IpvsException.Kind.KERNEL);
            return e.errno();
        }
        throw new AssertionError("no error");
    }

    interface ThrowingRunnable {
        void run() throws IpvsException;
    }

    @Test
    void infoIsVersion121() throws Exception {
        assertThat(kernel().info().versionString()).isEqualTo("1.2.1");
    }

    @Test
    void servicesAreAddedDumpedUpdatedAndDeleted() throws Exception {
        IpvsService web = IpvsService.of(WEB, "wlc");
        IpvsService dns = IpvsService.of(DNS6, "sh").withFlags(IpvsService.SH_FALLBACK | IpvsService.SH_PORT);
        IpvsService mark = IpvsService.of(MARK, "rr").withPersistence(300, 24);
        kernel().addService(web);
        kernel().addService(dns);
        kernel().addService(mark);
        assertThat(ourServices()).containsExactlyInAnyOrder(web, dns, mark);
        IpvsService changed = web.withScheduler("rr").withPersistence(60, 32);
        kernel().updateService(changed);
        assertThat(ourServices()).containsExactlyInAnyOrder(changed, dns, mark);
        kernel().deleteService(DNS6);
        kernel().deleteService(MARK);
        assertThat(ourServices()).containsExactly(changed);
        kernel().deleteService(WEB);
        assertThat(ourServices()).isEmpty();
    }

    @Test
    void destinationsAreAddedDumpedUpdatedAndDeleted() throws Exception {
        kernel().addService(IpvsService.of(WEB, "wrr"));
        kernel().addDestination(WEB, RS1);
        kernel().addDestination(WEB, RS2);
        assertThat(dests(WEB)).containsExactlyInAnyOrder(RS1, RS2);
        kernel().updateDestination(WEB, RS1.withWeight(0));
        assertThat(dests(WEB)).containsExactlyInAnyOrder(RS1.withWeight(0), RS2);
        kernel().deleteDestination(WEB, RS2.withWeight(7));
        assertThat(dests(WEB)).containsExactly(RS1.withWeight(0));
        kernel().deleteService(WEB);
        assertThat(dests(WEB)).as("no such service: an empty dump").isEmpty();
    }

    @Test
    void ipv6AndDirectRouting() throws Exception {
        kernel().addService(IpvsService.of(DNS6, "rr"));
        IpvsDestination dr = IpvsDestination.of(ip("2001:db8::11"), 53, IpvsForwarding.ROUTE, 5);
        IpvsDestination tun = IpvsDestination.of(ip("2001:db8::12"), 53, IpvsForwarding.TUNNEL, 1);
        kernel().apply(List.of(new IpvsChange.AddDestination(DNS6, dr), new IpvsChange.AddDestination(DNS6, tun)));
        assertThat(dests(DNS6)).containsExactlyInAnyOrder(dr, tun);
    }

    @Test
    void refusalsAreNamedErrnos() throws Exception {
        kernel().addService(IpvsService.of(WEB, "rr"));
        assertThat(errno(() -> kernel().addService(IpvsService.of(WEB, "rr")))).as("EEXIST").isEqualTo(17);
        assertThat(errno(() -> kernel().addService(IpvsService.of(DNS6, "nosuchsched")))).as("ENOENT").isEqualTo(2);
        assertThat(errno(() -> kernel().deleteService(MARK))).as("ESRCH").isEqualTo(3);
        assertThat(errno(() -> kernel().updateService(IpvsService.of(MARK, "rr")))).as("ESRCH").isEqualTo(3);
        assertThat(errno(() -> kernel().addDestination(MARK, RS1))).as("ESRCH").isEqualTo(3);
        kernel().addDestination(WEB, RS1);
        assertThat(errno(() -> kernel().addDestination(WEB, RS1))).as("EEXIST").isEqualTo(17);
        assertThat(errno(() -> kernel().updateDestination(WEB, RS2))).as("ENOENT").isEqualTo(2);
        assertThat(errno(() -> kernel().deleteDestination(WEB, RS2))).as("ENOENT").isEqualTo(2);
        assertThat(errno(() -> kernel().addDestination(WEB, RS2.withThresholds(10, 100)))).as("ERANGE").isEqualTo(34);
        assertThatThrownBy(() -> kernel().deleteService(MARK))
                .hasMessage("IPVS delete service FWM  4868865: No such service (ESRCH)");
    }

    @Test
    void aBatchGoesOnPastARefusalAndReportsIt() throws Exception {
        List<IpvsChange> batch = List.of(new IpvsChange.AddService(IpvsService.of(WEB, "lc")),
                new IpvsChange.AddDestination(WEB, RS1), new IpvsChange.AddDestination(WEB, RS1),
                new IpvsChange.AddDestination(WEB, RS2), new IpvsChange.DeleteService(MARK));
        List<IpvsChange.Failure> failures = kernel().apply(batch);
        assertThat(failures).extracting(IpvsChange.Failure::change).containsExactly(batch.get(2), batch.get(4));
        assertThat(failures).extracting(f -> f.error().errno()).containsExactly(17, 3);
        assertThat(dests(WEB)).containsExactlyInAnyOrder(RS1, RS2);
    }

    @Test
    void aLargeBatchIsAppliedWhole() throws Exception {
        kernel().addService(IpvsService.of(WEB, "rr"));
        List<IpvsChange> batch = new java.util.ArrayList<>();
        for (int i = 1; i <= 1500; i++) {
            batch.add(new IpvsChange.AddDestination(WEB,
                    IpvsDestination.of(ip("10.77." + (i / 250) + "." + (i % 250 + 1)), 80, IpvsForwarding.MASQ, i)));
        }
        assertThat(kernel().apply(batch)).isEmpty();
        assertThat(dests(WEB)).hasSize(1500);
    }

    @Test
    void timeoutsZeroMeansUnchanged() throws Exception {
        IpvsTimeouts before = kernel().timeouts();
        try {
            kernel().setTimeouts(new IpvsTimeouts(0, 0, 301));
            assertThat(kernel().timeouts())
                    .isEqualTo(new IpvsTimeouts(before.tcpSeconds(), before.tcpFinSeconds(), 301));
        } finally {
            kernel().setTimeouts(before);
        }
    }

    @Test
    void zeroCountersOfAMissingServiceIsRefused() throws Exception {
        kernel().addService(IpvsService.of(WEB, "rr"));
        kernel().zero(WEB);
        kernel().zero(null);
        assertThat(errno(() -> kernel().zero(MARK))).isEqualTo(3);
    }
}
