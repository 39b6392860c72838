package org.jkeepalived.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tier 1: every named fixture decodes to its advert or to its named drop (see each file's header). */
class VrrpCodecFixtureTest {

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] auth(String s) {
        return Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), 8);
    }

    static final byte[] NO_AUTH = new byte[0];

    /** name, checksum mode, expected advert (null when dropped), expected drop (null when decoded). */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                ok("v2-ipv4-pass-auth.hex", V3ChecksumMode.PSEUDO_HEADER,
                        new VrrpAdvert(2, 51, 100, 100, 1, auth("secret1"), List.of(ip("10.77.0.51")), 0x01fe)),
                ok("v2-ipv4-priority0.hex", V3ChecksumMode.PSEUDO_HEADER,
                        new VrrpAdvert(2, 51, 0, 100, 1, auth("secret1"), List.of(ip("10.77.0.51")), 0x65fe)),
                ok("auth-mismatch.hex", V3ChecksumMode.PSEUDO_HEADER, // the instance rejects it, not the codec
                        new VrrpAdvert(2, 51, 100, 100, 1, auth("wrongpw"), List.of(ip("10.77.0.51")), -1)),
                ok("v3-ipv4.hex", V3ChecksumMode.PSEUDO_HEADER,
                        new VrrpAdvert(3, 52, 150, 100, 0, NO_AUTH, List.of(ip("10.77.0.52"), ip("10.77.0.53")), 0x3881)),
                ok("v3-ipv4-advert-int-50cs.hex", V3ChecksumMode.PSEUDO_HEADER,
                        new VrrpAdvert(3, 54, 100, 50, 0, NO_AUTH, List.of(ip("10.77.0.54")), 0x7536)),
                ok("v3-ipv4-checksum-as-v2.hex", V3ChecksumMode.AS_V2,
                        new VrrpAdvert(3, 54, 100, 50, 0, NO_AUTH, List.of(ip("10.77.0.54")), 0x6013)),
                drop("v3-ipv4-checksum-as-v2.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.CHECKSUM),
                drop("v3-ipv4-advert-int-50cs.hex", V3ChecksumMode.AS_V2, DropReason.CHECKSUM),
                ok("v3-ipv4-unicast.hex", V3ChecksumMode.PSEUDO_HEADER,
                        new VrrpAdvert(3, 60, 100, 100, 0, NO_AUTH, List.of(ip("10.77.0.60")), 0x4abc)),
                ok("v3-ipv4-old-unicast-checksum.hex", V3ChecksumMode.OLD_UNICAST,
                        new VrrpAdvert(3, 61, 100, 100, 0, NO_AUTH, List.of(ip("10.77.0.61")), 0x74f6)),
                drop("v3-ipv4-old-unicast-checksum.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.CHECKSUM),
                ok("v3-ipv6.hex", V3ChecksumMode.PSEUDO_HEADER,
                        new VrrpAdvert(3, 53, 200, 100, 0, NO_AUTH, List.of(ip("fd00:77::53")), 0x0afb)),
                drop("bad-hop-limit-v6.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.IP_TTL),
                drop("bad-ttl.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.IP_TTL),
                drop("bad-checksum.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.CHECKSUM),
                drop("bad-version.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.VERSION),
                drop("bad-type.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.INVALID_TYPE),
                drop("bad-address-count.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.PACKET_LENGTH),
                drop("short.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.PACKET_LENGTH),
                drop("bad-auth-type.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.INVALID_AUTH_TYPE),
                drop("bad-ip-protocol.hex", V3ChecksumMode.PSEUDO_HEADER, DropReason.IP_HEADER));
    }

    static Arguments ok(String name, V3ChecksumMode mode, VrrpAdvert advert) {
        return Arguments.of(name, mode, advert, null);
    }

    static Arguments drop(String name, V3ChecksumMode mode, DropReason reason) {
        return Arguments.of(name, mode, null, reason);
    }

    static DecodeResult decodeFixture(String name, V3ChecksumMode mode) {
        byte[] bytes = HexFixtures.load(name);
        return (bytes[0] & 0xf0) == 0x60 ? HexFixtures.decodeIpv6Packet(bytes) : VrrpCodec.decodeIpv4(bytes, mode);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("fixtures")
    void decodesFixture(String name, V3ChecksumMode mode, VrrpAdvert expected, DropReason expectedDrop) {
        DecodeResult result = decodeFixture(name, mode);
        if (expectedDrop != null) {
            assertThat(result).isInstanceOfSatisfying(DecodeResult.Drop.class,
                    d -> assertThat(d.reason()).isEqualTo(expectedDrop));
            return;
        }
        assertThat(result).isInstanceOf(DecodeResult.Advert.class);
        VrrpAdvert advert = ((DecodeResult.Advert) result).advert();
        if (expected.checksum() < 0) { // recomputed by the fixture generator: compare everything else
            expected = new VrrpAdvert(expected.version(), expected.vrid(), expected.priority(),
                    expected.advertIntervalCentis(), expected.authType(), expected.authData(), expected.addresses(),
                    advert.checksum());
        }
        assertThat(advert).isEqualTo(expected);
        assertThat(((DecodeResult.Advert) result).ttl()).isEqualTo(255);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("fixtures")
    void reEncodingAGoodFixtureGivesTheSameBytes(String name, V3ChecksumMode mode, VrrpAdvert expected,
                                                DropReason expectedDrop) {
        if (expectedDrop != null) {
            return;
        }
        byte[] bytes = HexFixtures.load(name);
        DecodeResult.Advert a = (DecodeResult.Advert) decodeFixture(name, mode);
        int off = (bytes[0] & 0xf0) == 0x60 ? 40 : 20;
        assertThat(VrrpCodec.encode(a.advert(), a.source(), a.destination(), mode))
                .isEqualTo(Arrays.copyOfRange(bytes, off, bytes.length));
    }

    @Test
    void ipv4HelperRebuildsTheCapturedPacket() {
        byte[] captured = HexFixtures.load("v3-ipv4.hex");
        DecodeResult.Advert a = (DecodeResult.Advert) VrrpCodec.decodeIpv4(captured, V3ChecksumMode.PSEUDO_HEADER);
        byte[] vrrp = VrrpCodec.encode(a.advert(), a.source(), a.destination(), V3ChecksumMode.PSEUDO_HEADER);
        assertThat(VrrpCodec.ipv4Packet((java.net.Inet4Address) a.source(), (java.net.Inet4Address) a.destination(),
                255, 1, vrrp)).isEqualTo(captured);
    }

    @Test
    void ipFactsComeFromTheHeaderOrAncillaryData() {
        DecodeResult.Advert v4 = (DecodeResult.Advert) decodeFixture("v3-ipv4-unicast.hex", V3ChecksumMode.PSEUDO_HEADER);
        assertThat(v4.source()).isEqualTo(ip("10.77.0.1"));
        assertThat(v4.destination()).isEqualTo(ip("10.77.0.2"));
        DecodeResult.Advert v6 = (DecodeResult.Advert) decodeFixture("v3-ipv6.hex", V3ChecksumMode.PSEUDO_HEADER);
        assertThat(v6.source()).isEqualTo(ip("fe80::ff:fe77:a"));
        assertThat(v6.destination()).isEqualTo(ip("ff02::12"));
        assertThat(VrrpCodec.decodeIpv6Packet(HexFixtures.load("v3-ipv6.hex"))).isEqualTo(v6);
    }

    @Test
    void dropMessagesSayWhat() {
        assertThat(decodeFixture("bad-checksum.hex", V3ChecksumMode.PSEUDO_HEADER))
                .isEqualTo(new DecodeResult.Drop(DropReason.CHECKSUM,
                        "bad checksum 0x1234, expected 0x3881 (PSEUDO_HEADER)"));
        assertThat(decodeFixture("v3-ipv4-checksum-as-v2.hex", V3ChecksumMode.PSEUDO_HEADER))
                .isEqualTo(new DecodeResult.Drop(DropReason.CHECKSUM, "bad checksum 0x6013, expected 0x7536"
                        + " (PSEUDO_HEADER); it verifies as AS_V2 (peer's checksum setting differs?)"));
        assertThat(decodeFixture("v3-ipv4-old-unicast-checksum.hex", V3ChecksumMode.PSEUDO_HEADER))
                .isInstanceOfSatisfying(DecodeResult.Drop.class,
                        d -> assertThat(d.message()).endsWith("it verifies as OLD_UNICAST (peer's checksum setting differs?)"));
        assertThat(decodeFixture("bad-ttl.hex", V3ChecksumMode.PSEUDO_HEADER))
                .isEqualTo(new DecodeResult.Drop(DropReason.IP_TTL,
                        "TTL 64 from 10.77.0.1 to multicast 224.0.0.18, expected 255"));
        assertThat(decodeFixture("bad-address-count.hex", V3ChecksumMode.PSEUDO_HEADER))
                .isEqualTo(new DecodeResult.Drop(DropReason.PACKET_LENGTH,
                        "VRRP message of 16 bytes, Count IPv4 Addr 3 needs 20"));
    }
}
