package org.jkeepalived.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;
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
}
