package org.jkeepalived.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.packet.VrrpCodecFixtureTest.ip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Tier 1: gratuitous ARP and unsolicited NA builders match keepalived 2.2.7 captures byte for byte. */
class NeighbourAnnouncementTest {
    static final byte[] MAC = HexFormat.of().parseHex("02000077000a");

    @Test
    void gratuitousArpIsByteExactToKeepalived() {
        GratuitousArp garp = new GratuitousArp(MAC, (Inet4Address) ip("10.77.0.51"));
        byte[] captured = HexFixtures.load("garp.hex");
        assertThat(garp.toFrame()).isEqualTo(captured);
        assertThat(GratuitousArp.parse(captured)).contains(garp);
    }

    @Test
    void gratuitousArpParserIgnoresPaddingAndRejectsOrdinaryArp() {
        byte[] padded = Arrays.copyOf(HexFixtures.load("garp.hex"), 60);
        assertThat(GratuitousArp.parse(padded)).isPresent();
        byte[] ordinary = HexFixtures.load("garp.hex");
        ordinary[41] = 1; // target 10.77.0.1: a normal who-has
        assertThat(GratuitousArp.parse(ordinary)).isEmpty();
        assertThat(GratuitousArp.parse(new byte[10])).isEmpty();
        assertThat(GratuitousArp.parse(null)).isEmpty();
    }

    @Test
    void unsolicitedNaIsByteExactToKeepalived() {
        UnsolicitedNa na = new UnsolicitedNa(MAC, (Inet6Address) ip("fd00:77::53"), (Inet6Address) ip("fd00:77::53"),
                false);
        byte[] captured = HexFixtures.load("na.hex");
        assertThat(na.toFrame()).isEqualTo(captured);
        assertThat(na.toIcmpv6()).isEqualTo(Arrays.copyOfRange(captured, 54, captured.length));
        assertThat(UnsolicitedNa.parse(captured)).contains(na);
    }

    @Test
    void routerFlagRoundTripsAndKeepsTheChecksumValid() {
        UnsolicitedNa na = new UnsolicitedNa(MAC, (Inet6Address) ip("fe80::1"), (Inet6Address) ip("2001:db8::53"), true);
        byte[] frame = na.toFrame();
        assertThat(frame[58] & 0xff).isEqualTo(0xa0); // R and O, S clear (RFC 4861 §7.2.6)
        assertThat(UnsolicitedNa.parse(frame)).contains(na);
    }

    @Test
    void naParserRejectsBadChecksumSolicitedAndWrongHopLimit() {
        byte[] badSum = HexFixtures.load("na.hex");
        badSum[57] ^= 1;
        assertThat(UnsolicitedNa.parse(badSum)).isEmpty();
        byte[] hop = HexFixtures.load("na.hex");
        hop[21] = 64;
        assertThat(UnsolicitedNa.parse(hop)).isEmpty();
        byte[] solicited = HexFixtures.load("na.hex");
        solicited[58] |= 0x40;
        assertThat(UnsolicitedNa.parse(solicited)).isEmpty();
        assertThat(UnsolicitedNa.parse(new byte[3])).isEmpty();
    }
}
