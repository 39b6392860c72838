package org.jkeepalived.ipvs.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jkeepalived.ipvs.kernel.IpvsFixtures.FAMILY;
import static org.jkeepalived.ipvs.kernel.IpvsFixtures.hex;
import static org.jkeepalived.ipvs.kernel.IpvsFixtures.message;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.jkeepalived.ipvs.kernel.IpvsDestination.TunnelType;
import org.jkeepalived.ipvs.kernel.IpvsSyncDaemon.State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every IPVS message against the hand-written layouts of src/test/resources/ipvs. */
class IpvsCodecTest {
    static final IpvsServiceKey TCP4 = IpvsServiceKey.of(IpvsProtocol.TCP, ip("10.0.0.1"), 80);

    @BeforeAll
    static void littleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(s);
        }
    }

    static String hexOf(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void requestsMatchTheUapiLayouts() {
        assertThat(hexOf(IpvsCodec.getFamily(1))).isEqualTo(hex("ctrl-getfamily.hex"));
        assertThat(hexOf(IpvsCodec.getInfo(FAMILY, 2))).isEqualTo(hex("get-info.hex"));
        assertThat(hexOf(IpvsCodec.newService(FAMILY, 3, IpvsService.of(TCP4, "wlc"))))
                .isEqualTo(hex("new-service-tcp4.hex"));
        IpvsService fwm = IpvsService.of(IpvsServiceKey.fwmark(IpvsAddressFamily.INET6, 7), "sh")
                .withFlags(IpvsService.SH_FALLBACK | IpvsService.SH_PORT).withPersistence(300, 64)
                .withPersistenceEngine("sip");
        assertThat(hexOf(IpvsCodec.newService(FAMILY, 4, fwm))).isEqualTo(hex("new-service-fwmark6-sh.hex"));
        assertThat(hexOf(IpvsCodec.delService(FAMILY, 5, IpvsServiceKey.of(IpvsProtocol.UDP, ip("2001:db8::1"), 53))))
                .isEqualTo(hex("del-service-udp6.hex"));
        IpvsDestination masq = IpvsDestination.of(ip("192.168.1.10"), 8080, IpvsForwarding.MASQ, 1);
        assertThat(hexOf(IpvsCodec.newDestination(FAMILY, 6, TCP4, masq))).isEqualTo(hex("new-dest-masq.hex"));
        IpvsDestination gue = IpvsDestination.of(ip("192.168.1.11"), 80, IpvsForwarding.TUNNEL, 3)
                .withThresholds(100, 10).withTunnel(TunnelType.GUE, 5555, 1);
        assertThat(hexOf(IpvsCodec.setDestination(FAMILY, 7, TCP4, gue))).isEqualTo(hex("set-dest-tunnel-gue.hex"));
        assertThat(hexOf(IpvsCodec.delDestination(FAMILY, 8, TCP4, masq.withWeight(9))))
                .as("only address and port name a destination to delete").isEqualTo(hex("del-dest.hex"));
        assertThat(hexOf(IpvsCodec.getServices(FAMILY, 9))).isEqualTo(hex("get-services-dump.hex"));
        assertThat(hexOf(IpvsCodec.getDestinations(FAMILY, 10, TCP4))).isEqualTo(hex("get-dests-dump.hex"));
        IpvsSyncDaemon d = new IpvsSyncDaemon(State.MASTER, "eth0", 7, 1472, ip("224.0.0.81"), 8848, 1);
        assertThat(hexOf(IpvsCodec.newDaemon(FAMILY, 11, d))).isEqualTo(hex("new-daemon.hex"));
        assertThat(hexOf(IpvsCodec.delDaemon(FAMILY, 12, State.BACKUP))).isEqualTo(hex("del-daemon.hex"));
        assertThat(hexOf(IpvsCodec.setTimeouts(FAMILY, 13, new IpvsTimeouts(900, 120, 300))))
                .isEqualTo(hex("set-config.hex"));
        assertThat(hexOf(IpvsCodec.flush(FAMILY, 14))).isEqualTo(hex("flush.hex"));
        assertThat(hexOf(IpvsCodec.zero(FAMILY, 15, null))).isEqualTo(hex("zero.hex"));
    }

    /** The same bytes as {@code fixture} but for the command (offset 16) and, when not -1, the flags (offset 6). */
    static String variant(String fixture, int cmd, int flags) {
        byte[] b = IpvsFixtures.bytes(fixture);
        b[16] = (byte) cmd;
        if (flags != -1) {
            b[6] = (byte) flags;
            b[7] = (byte) (flags >> 8);
        }
        return hexOf(b);
    }

    @Test
    void requestsThatDifferFromAFixtureOnlyByCommandOrFlags() {
        assertThat(hexOf(IpvsCodec.setService(FAMILY, 3, IpvsService.of(TCP4, "wlc"))))
                .isEqualTo(variant("new-service-tcp4.hex", 2, -1));
        assertThat(hexOf(IpvsCodec.getTimeouts(FAMILY, 2))).isEqualTo(variant("get-info.hex", 13, -1));
        assertThat(hexOf(IpvsCodec.getDaemons(FAMILY, 9))).isEqualTo(variant("get-services-dump.hex", 11, -1));
        assertThat(hexOf(IpvsCodec.zero(FAMILY, 10, TCP4))).as("ZERO of one service: acked, not a dump")
                .isEqualTo(variant("get-dests-dump.hex", 16, 0x5));
    }

    @Test
    void hashedFlagOfADumpIsNotSentBack() {
        IpvsService s = IpvsService.of(TCP4, "wlc").withFlags(IpvsService.HASHED);
        assertThat(hexOf(IpvsCodec.newService(FAMILY, 3, s))).isEqualTo(hex("new-service-tcp4.hex"));
    }

    @Test
    void familyIdFromTheControllerReplySkippingOps() throws Exception {
        assertThat(IpvsCodec.familyId(message("reply-newfamily.hex"))).isEqualTo(0x20);
    }

    @Test
    void info() throws Exception {
        IpvsInfo i = IpvsCodec.info(message("reply-info.hex"), FAMILY);
        assertThat(i).isEqualTo(new IpvsInfo(0x010201, 4096));
        assertThat(i.versionString()).isEqualTo("1.2.1");
    }

    @Test
    void serviceWithStats64PrefersThe64BitCounters() throws Exception {
        IpvsServiceEntry e = IpvsCodec.service(message("reply-service-tcp4.hex"), FAMILY);
        assertThat(e.service()).isEqualTo(IpvsService.of(TCP4, "wlc"));
        assertThat(e.stats()).isEqualTo(new IpvsStats(5, 0x1_0000_0002L, 3, 100_000_000, 200_000_000,
                1, 10, 11, 1000, 2000));
    }

    @Test
    void fwmarkServiceOfAnOldKernelWithStatsOnly() throws Exception {
        IpvsServiceEntry e = IpvsCodec.service(message("reply-service-fwmark-old.hex"), FAMILY);
        assertThat(e.service()).isEqualTo(new IpvsService(IpvsServiceKey.fwmark(IpvsAddressFamily.INET, 5), "rr",
                IpvsService.PERSISTENT, 360, 24, "sip"));
        assertThat(e.service().persistent()).isTrue();
        assertThat(e.stats()).isEqualTo(new IpvsStats(7, 8, 9, 0x1_0000_0000L, 11, 1, 2, 3, 4, 5));
    }

    @Test
    void destination() throws Exception {
        IpvsDestinationEntry e = IpvsCodec.destination(message("reply-dest.hex"), FAMILY, IpvsAddressFamily.INET);
        assertThat(e.destination()).isEqualTo(IpvsDestination.of(ip("192.168.1.12"), 80, IpvsForwarding.ROUTE, 2));
        assertThat(e.activeConns()).isEqualTo(4);
        assertThat(e.inactiveConns()).isEqualTo(6);
        assertThat(e.persistentConns()).isEqualTo(1);
        assertThat(e.stats()).isEqualTo(new IpvsStats(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    }

    @Test
    void timeoutsAndDaemon() throws Exception {
        assertThat(IpvsCodec.timeouts(message("reply-timeouts.hex"), FAMILY))
                .isEqualTo(new IpvsTimeouts(900, 120, 300));
        assertThat(IpvsCodec.daemon(message("reply-daemon.hex"), FAMILY))
                .isEqualTo(new IpvsSyncDaemon(State.MASTER, "eth0", 7, 1472, ip("224.0.0.81"), 8848, 1));
    }

    @Test
    void errorsAndAcks() throws Exception {
        assertThat(IpvsCodec.errorCode(message("reply-ack.hex"))).isZero();
        int errno = IpvsCodec.errorCode(message("reply-error-esrch.hex"));
        assertThat(errno).isEqualTo(3);
        IpvsException e = IpvsException.kernel("delete service UDP  [2001:db8::1]:53", errno);
        assertThat(e.kind()).isEqualTo(IpvsException.Kind.KERNEL);
        assertThat(e).hasMessage("delete service UDP  [2001:db8::1]:53: No such service (ESRCH)");
    }

    @Test
    void dumpEnd() throws Exception {
        assertThat(IpvsCodec.doneError(message("reply-done.hex"))).isZero();
        byte[] failed = IpvsFixtures.bytes("reply-done.hex");
        failed[16] = (byte) 0xea;
        failed[17] = failed[18] = failed[19] = (byte) 0xff;
        assertThat(IpvsCodec.doneError(IpvsCodec.split(failed).get(0))).as("-EINVAL").isEqualTo(22);
        assertThatThrownBy(() -> IpvsCodec.doneError(message("reply-ack.hex"))).hasMessageContaining("got type 2");
    }

    @Test
    void roundTripThroughTheReplyShape() throws Exception {
        // A request's service nest is the reply's minus stats: decode what we encode, after renaming the command.
        IpvsService s = new IpvsService(IpvsServiceKey.of(IpvsProtocol.SCTP, ip("fd00::5"), 9000), "mh",
                IpvsService.SH_PORT | IpvsService.ONE_PACKET, 0, 128, null);
        byte[] m = IpvsCodec.newService(FAMILY, 1, s);
        IpvsServiceEntry back = IpvsCodec.service(IpvsCodec.split(m).get(0), FAMILY);
        assertThat(back.service()).isEqualTo(s);
        assertThat(back.stats()).isEqualTo(IpvsStats.ZERO);
        IpvsSyncDaemon d = new IpvsSyncDaemon(State.BACKUP, "bond0.12", 200, 0, ip("ff02::1:2"), 0, 0);
        assertThat(IpvsCodec.daemon(IpvsCodec.split(IpvsCodec.newDaemon(FAMILY, 1, d)).get(0), FAMILY)).isEqualTo(d);
    }

    @Test
    void destinationRoundTripNeedsTheReplyOnlyCounters() throws Exception {
        // NEW_DEST requests share the reply's command but carry no connection counts: decoding one fails, by name.
        byte[] m = IpvsCodec.newDestination(FAMILY, 1, TCP4, IpvsDestination.of(ip("::1"), 1, IpvsForwarding.MASQ, 0));
        assertThatThrownBy(() -> IpvsCodec.destination(IpvsCodec.split(m).get(0), FAMILY, IpvsAddressFamily.INET))
                .isInstanceOf(IpvsException.class).hasMessageContaining("IPVS_DEST_ATTR_ACTIVE_CONNS missing");
    }
}
