package org.jkeepalived.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

/** The rtnetlink codec on named hex fixtures (host order: these are little-endian, as x86_64 and aarch64). */
class NetlinkCodecTest {
    /** RTM_NEWADDR seq 7: 192.0.2.10/24 on ifindex 3, label ve0:vip, brd 192.0.2.255. */
    static final String NEWADDR_V4_LABEL_BRD = "3c000000" + "1400" + "0506" + "07000000" + "00000000"
            + "02180000" + "03000000"
            + "08000200c000020a" + "08000100c000020a"
            + "0c0003007665303a76697000"
            + "08000400c00002ff";
    /** RTM_NEWADDR seq 7: 2001:db8::10/64 on ifindex 3, IFA_F_NODAD, preferred 0 s, valid 300 s. */
    static final String NEWADDR_V6_NODAD_LIFETIMES = "5c000000" + "1400" + "0506" + "07000000" + "00000000"
            + "0a400200" + "03000000"
            + "14000200" + "20010db8000000000000000000000010"
            + "14000100" + "20010db8000000000000000000000010"
            + "14000600" + "00000000" + "2c010000" + "00000000" + "00000000"
            + "08000800" + "02000000";
    /** RTM_DELADDR seq 8 of the IPv4 address: acked, no create flags, only the address attributes. */
    static final String DELADDR_V4 = "28000000" + "1500" + "0500" + "08000000" + "00000000"
            + "02180000" + "03000000" + "08000200c000020a" + "08000100c000020a";
    /** RTM_GETLINK dump seq 9 with an empty ifinfomsg. */
    static final String GETLINK_DUMP = "20000000" + "1200" + "0103" + "09000000" + "00000000" + "00".repeat(16);
    /** RTM_NEWLINK for ve0 (ifindex 3), UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP, MAC 02:00:00:00:00:01. */
    static final String NEWLINK_VE0_UP = "34000000" + "1000" + "0000" + "00000000" + "00000000"
            + "0000" + "0100" + "03000000" + "43100100" + "00000000"
            + "0800030076653000" + "0a000100020000000001" + "0000";
    /** The same link with IFF_RUNNING cleared (the peer went down). */
    static final String NEWLINK_VE0_NOCARRIER = NEWLINK_VE0_UP.replace("43100100", "03100000");
    /** RTM_NEWADDR event: 192.0.2.20/24 permanent on ifindex 3, label ve0. */
    static final String NEWADDR_EVENT = "30000000" + "1400" + "0000" + "00000000" + "00000000"
            + "02188000" + "03000000" + "08000100c0000214" + "08000200c0000214" + "0800030076653000";
    /** NLMSG_ERROR seq 7 with error -17 (EEXIST), followed by the original header. */
    static final String ERROR_EEXIST = "24000000" + "0200" + "0000" + "07000000" + "00000000"
            + "efffffff" + "3c000000140005060700000000000000";
    /** NLMSG_ERROR seq 8 with error 0: the ack. */
    static final String ACK = "24000000" + "0200" + "0000" + "08000000" + "00000000"
            + "00000000" + "28000000150005000800000000000000";

    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void littleEndian() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static NetlinkCodec.Message one(String fixture) {
        List<NetlinkCodec.Message> m = NetlinkCodec.split(hex(fixture));
        assertThat(m).hasSize(1);
        return m.get(0);
    }

    @Test
    void encodesIpv4AddWithLabelAndBroadcast() throws Exception {
        AddressSpec a = AddressSpec.of(3, InetAddress.getByName("192.0.2.10"), 24)
                .withLabel("ve0:vip").withBroadcast(InetAddress.getByName("192.0.2.255"));
        assertThat(HEX.formatHex(NetlinkCodec.address(true, 7, a))).isEqualTo(NEWADDR_V4_LABEL_BRD);
        assertThat(HEX.formatHex(NetlinkCodec.address(false, 8, a))).isEqualTo(DELADDR_V4);
    }

    @Test
    void encodesIpv6AddWithNodadAndCacheinfoButNoLabel() throws Exception {
        AddressSpec a = AddressSpec.of(3, InetAddress.getByName("2001:db8::10"), 64)
                .withFlags(NetlinkCodec.IFA_F_NODAD).withLifetimes(0, 300).withLabel("ignored");
        assertThat(HEX.formatHex(NetlinkCodec.address(true, 7, a))).isEqualTo(NEWADDR_V6_NODAD_LIFETIMES);
    }

    @Test
    void encodesGetlinkDump() {
        assertThat(HEX.formatHex(NetlinkCodec.getLinks(9))).isEqualTo(GETLINK_DUMP);
    }

    @Test
    void decodesErrorsAndAcks() {
        NetlinkCodec.Message e = one(ERROR_EEXIST);
        assertThat(e.seq()).isEqualTo(7);
        assertThat(NetlinkCodec.errorCode(e)).isEqualTo(17);
        assertThat(NetlinkCodec.errorCode(one(ACK))).isZero();
        assertThat(NetlinkCodec.errorCode(one(NEWADDR_EVENT))).isEqualTo(-1);
    }

    @Test
    void splitsSeveralMessagesAndStopsAtGarbage() {
        byte[] two = hex(ACK + NEWLINK_VE0_UP + "ffff");
        assertThat(NetlinkCodec.split(two)).extracting(NetlinkCodec.Message::type)
                .containsExactly(NetlinkCodec.NLMSG_ERROR, NetlinkCodec.RTM_NEWLINK);
        // A length beyond the datagram, or below the header size: nothing, no exception.
        assertThat(NetlinkCodec.split(hex("ff000000" + "1000" + "0000" + "00".repeat(8)))).isEmpty();
        assertThat(NetlinkCodec.split(hex("04000000" + "1000" + "0000" + "00".repeat(8)))).isEmpty();
        assertThat(NetlinkCodec.split(new byte[3])).isEmpty();
    }

    @Test
    void decodesLink() {
        Link l = NetlinkCodec.link(one(NEWLINK_VE0_UP));
        assertThat(l.index()).isEqualTo(3);
        assertThat(l.name()).isEqualTo("ve0");
        assertThat(HEX.formatHex(l.mac())).isEqualTo("020000000001");
        assertThat(l.up()).isTrue();
        assertThat(NetlinkCodec.link(one(NEWLINK_VE0_NOCARRIER)).up()).isFalse();
    }

    @Test
    void decodesAddressEvent() throws Exception {
        NetlinkCodec.Address a = NetlinkCodec.address(one(NEWADDR_EVENT));
        assertThat(a.added()).isTrue();
        assertThat(a.address()).isEqualTo(InetAddress.getByName("192.0.2.20"));
        assertThat(a.prefixLength()).isEqualTo(24);
        assertThat(a.ifIndex()).isEqualTo(3);
        assertThat(a.label()).isEqualTo("ve0");
        assertThat(a.flags()).isEqualTo(0x80);
    }

    @Test
    void linkEventsOnlyOnStateChanges() {
        Map<Integer, Boolean> state = new HashMap<>();
        assertThat(NetlinkCodec.events(one(NEWLINK_VE0_UP), state))
                .containsExactly(new NetlinkEvent.LinkUp(3, "ve0"));
        assertThat(NetlinkCodec.events(one(NEWLINK_VE0_UP), state)).isEmpty();
        assertThat(NetlinkCodec.events(one(NEWLINK_VE0_NOCARRIER), state))
                .containsExactly(new NetlinkEvent.LinkDown(3, "ve0"));
        byte[] del = hex(NEWLINK_VE0_NOCARRIER);
        del[4] = NetlinkCodec.RTM_DELLINK;
        assertThat(NetlinkCodec.events(NetlinkCodec.split(del).get(0), state)).isEmpty();
        byte[] delUp = hex(NEWLINK_VE0_UP);
        delUp[4] = NetlinkCodec.RTM_DELLINK;
        state.put(3, true);
        assertThat(NetlinkCodec.events(NetlinkCodec.split(delUp).get(0), state))
                .containsExactly(new NetlinkEvent.LinkDown(3, "ve0"));
    }

    @Test
    void addressEventsAndMalformedInputIsIgnored() throws Exception {
        Map<Integer, Boolean> state = new HashMap<>();
        assertThat(NetlinkCodec.events(one(NEWADDR_EVENT), state))
                .containsExactly(new NetlinkEvent.AddressAdded(3, InetAddress.getByName("192.0.2.20"), 24));
        byte[] del = hex(NEWADDR_EVENT);
        del[4] = NetlinkCodec.RTM_DELADDR;
        assertThat(NetlinkCodec.events(NetlinkCodec.split(del).get(0), state))
                .containsExactly(new NetlinkEvent.AddressRemoved(3, InetAddress.getByName("192.0.2.20"), 24));
        // An IPv4 family with a 16-byte address, a short ifaddrmsg, a short ifinfomsg: nothing.
        byte[] wrongFamily = hex(NEWADDR_EVENT);
        wrongFamily[16] = 10;
        assertThat(NetlinkCodec.events(NetlinkCodec.split(wrongFamily).get(0), state)).isEmpty();
        assertThat(NetlinkCodec.events(new NetlinkCodec.Message(NetlinkCodec.RTM_NEWADDR, 0, 0, 0, new byte[5]), state))
                .isEmpty();
        assertThat(NetlinkCodec.events(new NetlinkCodec.Message(NetlinkCodec.RTM_NEWLINK, 0, 0, 0, new byte[5]), state))
                .isEmpty();
        assertThat(NetlinkCodec.events(new NetlinkCodec.Message(99, 0, 0, 0, new byte[40]), state)).isEmpty();
    }
}
