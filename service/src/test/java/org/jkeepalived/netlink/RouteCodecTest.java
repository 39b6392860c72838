package org.jkeepalived.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Route and rule requests on named little-endian hex fixtures. */
class RouteCodecTest {
    /** RTM_NEWROUTE seq 5: 198.51.100.0/24 via 192.0.2.254 oif 3 metric 50, main table, proto keepalived. */
    static final String NEWROUTE_VIA_METRIC = "44000000" + "1800" + "0506" + "05000000" + "00000000"
            + "02180000" + "fe120001" + "00000000"
            + "08000f00fe000000" + "08000100c6336400" + "08000500c00002fe" + "0800040003000000"
            + "0800060032000000";
    /** RTM_DELROUTE seq 6: 203.0.113.0/24 dev 3, table 1000 (byte RT_TABLE_COMPAT), scope link. */
    static final String DELROUTE_TABLE_1000 = "34000000" + "1900" + "0500" + "06000000" + "00000000"
            + "02180000" + "fc12fd01" + "00000000"
            + "08000f00e8030000" + "08000100cb007100" + "0800040003000000";
    /** RTM_NEWRULE seq 6: from 192.0.2.10/32 lookup 1000 priority 100. */
    static final String NEWRULE_FROM_LOOKUP = "34000000" + "2000" + "0506" + "06000000" + "00000000"
            + "02002000" + "fc000001" + "00000000"
            + "08000200c000020a" + "0800060064000000" + "08000f00e8030000";

    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void littleEndian() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
    }

    @Test
    void routes() throws Exception {
        RouteSpec via = RouteSpec.of(InetAddress.getByName("198.51.100.0"), 24, InetAddress.getByName("192.0.2.254"), 3)
                .withMetric(50);
        assertThat(HEX.formatHex(RouteCodec.route(true, 5, via))).isEqualTo(NEWROUTE_VIA_METRIC);
        RouteSpec link = RouteSpec.of(InetAddress.getByName("203.0.113.0"), 24, null, 3).inTable(1000);
        assertThat(HEX.formatHex(RouteCodec.route(false, 6, link))).isEqualTo(DELROUTE_TABLE_1000);
    }

    @Test
    void rules() throws Exception {
        RuleSpec r = RuleSpec.fromLookup(InetAddress.getByName("192.0.2.10"), 32, 1000, 100);
        assertThat(HEX.formatHex(RouteCodec.rule(true, 6, r))).isEqualTo(NEWRULE_FROM_LOOKUP);
    }

    @Test
    void blackholeIsUniverseScopeAndPrefixZeroHasNoDestination() throws Exception {
        RouteSpec def = RouteSpec.of(InetAddress.getByName("0.0.0.0"), 0, null, 0).withType(RouteCodec.RTN_BLACKHOLE);
        assertThat(def.scope()).isEqualTo(NetlinkCodec.RT_SCOPE_UNIVERSE);
        byte[] m = RouteCodec.route(true, 1, def);
        assertThat(m).hasSize(16 + 12 + 8); // only RTA_TABLE
    }

    /** RTM_NEWRULE seq 7: not fwmark 0x10/0xff goto 300 priority 200 proto 18 tos 0x08. */
    static final String NEWRULE_FWMARK_GOTO = "44000000" + "2000" + "0506" + "07000000" + "00000000"
            + "02000008" + "00000002" + "02000000"
            + "08000600c8000000" + "08000a0010000000" + "08001000ff000000" + "080004002c010000" + "0500150012000000";

    @Test
    void ruleWithFwmarkGotoProtocolTosAndNot() {
        RuleSpec r = new RuleSpec(2, null, 0, null, 0, null, null, 200, RouteCodec.FR_ACT_GOTO, 0, true, 8, 0x10L,
                0xffL, 300L, 18, null, null, false, null, null, null);
        assertThat(HEX.formatHex(RouteCodec.rule(true, 7, r))).isEqualTo(NEWRULE_FWMARK_GOTO);
    }

    @Test
    void multipathMetricsOnlinkAndTosAreEncoded() throws Exception {
        RouteSpec r = RouteSpec.of(InetAddress.getByName("198.51.100.0"), 24, null, 0)
                .withScope(NetlinkCodec.RT_SCOPE_UNIVERSE).withTos(0x10).withFlags(RouteCodec.RTNH_F_ONLINK)
                .withNexthops(List.of(new RouteSpec.NextHop(InetAddress.getByName("192.0.2.1"), 3, 2, 0),
                        new RouteSpec.NextHop(null, 4, 1, RouteCodec.RTNH_F_ONLINK)))
                .withMetrics(Map.of(2, 1400L, 8, 1360L), 1 << 2);
        String hex = HEX.formatHex(RouteCodec.route(true, 9, r));
        // rtmsg: family 2, dst_len 24, src_len 0, tos 0x10, table 254, proto 18, scope 0, type 1, flags 4
        assertThat(hex.substring(32, 56)).isEqualTo("02180010" + "fe120001" + "04000000");
        // RTA_METRICS: RTAX_LOCK (bit of RTAX_MTU), RTAX_MTU 1400, RTAX_ADVMSS 1360
        assertThat(hex).contains("1c000800" + "0800010004000000" + "0800020078050000" + "0800080050050000");
        // RTA_MULTIPATH: {len 16, flags 0, hops 1 (weight 2), ifindex 3, RTA_GATEWAY 192.0.2.1},
        // {len 8, flags onlink, hops 0, ifindex 4}
        assertThat(hex).endsWith("1c000900" + "1000" + "00" + "01" + "03000000" + "08000500c0000201"
                + "0800" + "04" + "00" + "04000000");
        assertThat(RouteCodec.route(false, 9, r).length).isLessThan(RouteCodec.route(true, 9, r).length);
    }

    /** An RTM_DELROUTE as the kernel multicasts it: table in the header only, RTA_OIF, RTA_GATEWAY. */
    static final String DELROUTE_KERNEL = "3c000000" + "1900" + "0000" + "00000000" + "00000000"
            + "02100000" + "64120001" + "00000000"
            + "08000100cb007100" + "08000500c00002fe" + "0800040003000000" + "0800060032000000"
            + "0800140001000000";

    @Test
    void routeDeletionIsDecoded() throws Exception {
        List<NetlinkEvent> events = NetlinkCodec.events(NetlinkCodec.split(HEX.parseHex(DELROUTE_KERNEL)).get(0),
                new HashMap<>());
        assertThat(events).containsExactly(new NetlinkEvent.RouteRemoved(2, InetAddress.getByName("203.0.113.0"), 16,
                100, RouteCodec.RTN_UNICAST, 18, 0, 50, 3, InetAddress.getByName("192.0.2.254")));
        // ours (RTA_TABLE present) round-trips to a match; a different metric does not match
        RouteSpec r = RouteSpec.of(InetAddress.getByName("203.0.113.0"), 24, null, 3).inTable(1000).withMetric(7);
        NetlinkEvent.RouteRemoved e = RouteCodec.routeRemoved(NetlinkCodec.split(RouteCodec.route(false, 1, r)).get(0));
        assertThat(e.table()).isEqualTo(1000);
        assertThat(e.metric()).isEqualTo(7);
        assertThat(e.type()).isEqualTo(RouteCodec.RTN_UNICAST);
        assertThat(e.protocol()).isEqualTo(18);
    }

    @Test
    void ruleDeletionIsDecodedAndMalformedIsNothing() throws Exception {
        RuleSpec r = RuleSpec.fromLookup(InetAddress.getByName("192.0.2.10"), 32, 1000, 100);
        byte[] del = RouteCodec.rule(false, 1, r);
        assertThat(NetlinkCodec.events(NetlinkCodec.split(del).get(0), new HashMap<>())).containsExactly(
                new NetlinkEvent.RuleRemoved(2, 100, InetAddress.getByName("192.0.2.10"), 32, null, 0,
                        RouteCodec.FR_ACT_TO_TBL, 1000));
        byte[] truncated = java.util.Arrays.copyOf(del, 16 + 8);
        java.nio.ByteBuffer.wrap(truncated).order(ByteOrder.nativeOrder()).putInt(0, truncated.length);
        assertThat(NetlinkCodec.events(NetlinkCodec.split(truncated).get(0), new HashMap<>())).isEmpty();
        byte[] badFamily = del.clone();
        badFamily[16] = 7;
        assertThat(NetlinkCodec.events(NetlinkCodec.split(badFamily).get(0), new HashMap<>())).isEmpty();
    }

    @Test
    void addressDumpRequestAndSecondaryFlag() throws Exception {
        assertThat(HEX.formatHex(NetlinkCodec.getAddresses(3))).isEqualTo("18000000" + "1600" + "0103" + "03000000"
                + "00000000" + "0000000000000000");
        AddressSpec secondary = AddressSpec.of(2, InetAddress.getByName("192.0.2.20"), 24)
                .withFlags(NetlinkCodec.IFA_F_SECONDARY);
        byte[] m = NetlinkCodec.address(true, 1, secondary);
        InterfaceAddress a = NetlinkCodec.interfaceAddress(NetlinkCodec.split(m).get(0));
        assertThat(a.secondary()).isTrue();
        assertThat(a.ifIndex()).isEqualTo(2);
        assertThat(a.prefixLength()).isEqualTo(24);
    }
}
