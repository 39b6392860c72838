package org.jkeepalived.ipvs.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.jkeepalived.ipvs.kernel.IpvsFixtures.FAMILY;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.jkeepalived.netlink.NetlinkCodec.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Truncated, lying and corrupted replies decode to an IpvsException with a reason, never anything else. */
class IpvsCodecBadInputTest {
    static final List<String> REPLIES = List.of("reply-newfamily.hex", "reply-info.hex", "reply-service-tcp4.hex",
            "reply-service-fwmark-old.hex", "reply-dest.hex", "reply-timeouts.hex", "reply-daemon.hex",
            "reply-error-esrch.hex", "reply-ack.hex", "reply-done.hex");

    @BeforeAll
    static void littleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
    }

    /** Decodes with the decoder its command calls for; returns normally or throws IpvsException only. */
    static void decodeAny(byte[] datagram) throws IpvsException {
        for (Message m : IpvsCodec.split(datagram)) {
            switch (m.type()) {
                case 2 -> IpvsCodec.errorCode(m);
                case 3 -> IpvsCodec.doneError(m);
                case IpvsCodec.GENL_ID_CTRL -> IpvsCodec.familyId(m);
                default -> {
                    int cmd = m.payload().length > 0 ? m.payload()[0] & 0xff : -1;
                    switch (cmd) {
                        case IpvsCodec.CMD_NEW_SERVICE -> IpvsCodec.service(m, FAMILY);
                        case IpvsCodec.CMD_NEW_DEST -> IpvsCodec.destination(m, FAMILY, IpvsAddressFamily.INET);
                        case IpvsCodec.CMD_NEW_DAEMON -> IpvsCodec.daemon(m, FAMILY);
                        case IpvsCodec.CMD_SET_CONFIG -> IpvsCodec.timeouts(m, FAMILY);
                        default -> IpvsCodec.info(m, FAMILY);
                    }
                }
            }
        }
    }

    static void decodesOrFailsWithAReason(byte[] datagram, String what) {
        try {
            decodeAny(datagram);
        } catch (IpvsException e) {
            assertThat(e.getMessage()).as(what).startsWith("malformed IPVS netlink message: ").hasSizeGreaterThan(35);
            assertThat(e.kind()).isEqualTo(IpvsException.Kind.MALFORMED);
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }

    @Test
    void everyTruncationIsAnErrorWithAReason() {
        for (String f : REPLIES) {
            byte[] full = IpvsFixtures.bytes(f);
            for (int n = 1; n < full.length; n++) {
                byte[] cut = Arrays.copyOf(full, n);
                assertThatThrownBy(() -> decodeAny(cut)).as(f + " cut to " + n).isInstanceOf(IpvsException.class)
                        .hasMessageContaining("bytes");
            }
        }
    }

    @Test
    void everyCorruptedByteDecodesOrFailsWithAReason() {
        int[] values = {0x00, 0x01, 0x03, 0x7f, 0x80, 0xff};
        for (String f : REPLIES) {
            byte[] full = IpvsFixtures.bytes(f);
            for (int i = 0; i < full.length; i++) {
                for (int v : values) {
                    byte[] b = full.clone();
                    b[i] = (byte) v;
                    decodesOrFailsWithAReason(b, f + " byte " + i + " = " + v);
                }
            }
        }
    }

    @Test
    void headerLengthsThatLie() {
        byte[] b = IpvsFixtures.bytes("reply-info.hex");
        b[0] = 0x25;
        assertThatThrownBy(() -> IpvsCodec.split(b)).hasMessageContaining("claims 37 bytes, 36 left");
        b[0] = 0x0f;
        assertThatThrownBy(() -> IpvsCodec.split(b)).hasMessageContaining("claims 15 bytes");
        assertThat(catchMalformed(new byte[0])).isNull();
    }

    private static IpvsException catchMalformed(byte[] b) {
        try {
            decodeAny(b);
            return null;
        } catch (IpvsException e) {
            return e;
        }
    }

    /** A NEW_SERVICE reply of {@code body}'s attributes inside IPVS_CMD_ATTR_SERVICE. */
    private static Message service(NlAttributes.Writer body) throws IpvsException {
        NlAttributes.Writer w = new NlAttributes.Writer();
        w.end(nest(w, body));
        return IpvsCodec.split(IpvsCodec.request(FAMILY, 2, 1, IpvsCodec.CMD_NEW_SERVICE, 1, w)).get(0);
    }

    private static int nest(NlAttributes.Writer w, NlAttributes.Writer body) {
        int at = w.begin(IpvsCodec.CMD_ATTR_SERVICE);
        w.raw(body.toArray());
        return at;
    }

    private static NlAttributes.Writer tcp4(byte[] addr) {
        return new NlAttributes.Writer().u16(IpvsCodec.SVC_ATTR_AF, 2).u16(IpvsCodec.SVC_ATTR_PROTOCOL, 6)
                .attr(IpvsCodec.SVC_ATTR_ADDR, addr).be16(IpvsCodec.SVC_ATTR_PORT, 80);
    }

    private static NlAttributes.Writer rest(NlAttributes.Writer w, String sched, byte[] mask) {
        return w.string(IpvsCodec.SVC_ATTR_SCHED_NAME, sched).attr(IpvsCodec.SVC_ATTR_FLAGS, new byte[8])
                .u32(IpvsCodec.SVC_ATTR_TIMEOUT, 0).attr(IpvsCodec.SVC_ATTR_NETMASK, mask);
    }

    private static final byte[] V4 = {10, 0, 0, 1};
    private static final byte[] MASK32 = {-1, -1, -1, -1};

    @Test
    void namedReasons() throws Exception {
        assertThat(IpvsCodec.service(service(rest(tcp4(V4), "rr", MASK32)), FAMILY).service().key().address())
                .as("a 4-byte IPv4 address is accepted too").isEqualTo(IpvsCodecTest.ip("10.0.0.1"));
        assertThatThrownBy(() -> IpvsCodec.service(service(rest(tcp4(new byte[5]), "rr", MASK32)), FAMILY))
                .hasMessageEndingWith("IPVS_SVC_ATTR_ADDR has 5 bytes, expected 4 or 16");
        assertThatThrownBy(() -> IpvsCodec.service(service(rest(tcp4(V4), "rr", new byte[] {-1, 0, -1, 0})), FAMILY))
                .hasMessageEndingWith("IPVS_SVC_ATTR_NETMASK ff00ff00 is not contiguous");
        assertThatThrownBy(() -> IpvsCodec.service(service(rest(tcp4(V4), "a-scheduler-name-too-long", MASK32)),
                FAMILY)).hasMessageContaining("IPVS_SVC_ATTR_SCHED_NAME is 25 bytes, at most 15");
        NlAttributes.Writer noNul = tcp4(V4).attr(IpvsCodec.SVC_ATTR_SCHED_NAME, new byte[] {'r', 'r'});
        assertThatThrownBy(() -> IpvsCodec.service(service(rest(noNul, "rr", MASK32)), FAMILY))
                .hasMessageContaining("IPVS_SVC_ATTR_SCHED_NAME is not NUL-terminated");
        NlAttributes.Writer udpLite = new NlAttributes.Writer().u16(IpvsCodec.SVC_ATTR_AF, 2)
                .u16(IpvsCodec.SVC_ATTR_PROTOCOL, 136).attr(IpvsCodec.SVC_ATTR_ADDR, V4)
                .be16(IpvsCodec.SVC_ATTR_PORT, 1);
        assertThatThrownBy(() -> IpvsCodec.service(service(rest(udpLite, "rr", MASK32)), FAMILY))
                .hasMessageContaining("IPVS_SVC_ATTR_PROTOCOL 136 is not TCP, UDP or SCTP");
        assertThatThrownBy(() -> IpvsCodec.service(service(tcp4(V4)), FAMILY))
                .hasMessageContaining("IPVS_SVC_ATTR_FLAGS missing");
        NlAttributes.Writer badStats = rest(tcp4(V4), "rr", MASK32);
        int at = badStats.begin(IpvsCodec.SVC_ATTR_STATS);
        badStats.attr(IpvsCodec.STATS_ATTR_CONNS, new byte[6]).end(at);
        assertThatThrownBy(() -> IpvsCodec.service(service(badStats), FAMILY))
                .hasMessageContaining("IPVS_SVC_ATTR_STATS: CONNS has 6 bytes, expected 8");
        assertThatThrownBy(() -> IpvsCodec.service(IpvsFixtures.message("reply-info.hex"), FAMILY))
                .hasMessageContaining("genl command 14, expected 1");
        assertThatThrownBy(() -> IpvsCodec.info(IpvsFixtures.message("reply-info.hex"), 0x21))
                .hasMessageContaining("message type 32, expected family 33");
        assertThatThrownBy(() -> IpvsCodec.errorCode(IpvsFixtures.message("reply-info.hex")))
                .hasMessageContaining("expected NLMSG_ERROR, got type 32");
    }
}
