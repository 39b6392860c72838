package org.jkeepalived.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jkeepalived.vrrp.packet.VrrpCodecFixtureTest.auth;
import static org.jkeepalived.vrrp.packet.VrrpCodecFixtureTest.ip;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tier 1: encode then decode gives the advert back, for every version, family and checksum mode. */
class VrrpCodecRoundTripTest {
    static final Inet4Address SRC4 = (Inet4Address) ip("192.0.2.1");
    static final Inet4Address GROUP4 = (Inet4Address) ip("224.0.0.18");
    static final Inet4Address PEER4 = (Inet4Address) ip("192.0.2.2");
    static final Inet6Address SRC6 = (Inet6Address) ip("fe80::1");
    static final Inet6Address GROUP6 = (Inet6Address) ip("ff02::12");
    static final Inet6Address PEER6 = (Inet6Address) ip("2001:db8::2");

    static DecodeResult roundTrip4(VrrpAdvert advert, Inet4Address dst, V3ChecksumMode encodeMode,
                                   V3ChecksumMode decodeMode) {
        byte[] vrrp = VrrpCodec.encode(advert, SRC4, dst, encodeMode);
        return VrrpCodec.decodeIpv4(VrrpCodec.ipv4Packet(SRC4, dst, 255, 7, vrrp), decodeMode);
    }

    static VrrpAdvert withChecksum(VrrpAdvert a, DecodeResult r) {
        int checksum = ((DecodeResult.Advert) r).advert().checksum();
        return new VrrpAdvert(a.version(), a.vrid(), a.priority(), a.advertIntervalCentis(), a.authType(),
                a.authData(), a.addresses(), checksum);
    }

    @ParameterizedTest
    @EnumSource(V3ChecksumMode.class)
    void v2Ipv4WithEveryAuthTypeIgnoresTheV3Mode(V3ChecksumMode mode) {
        for (int authType = 0; authType <= 2; authType++) {
            VrrpAdvert a = new VrrpAdvert(2, 7, 254, 300, authType, authType == 1 ? auth("pw") : new byte[8],
                    List.of(ip("192.0.2.10"), ip("192.0.2.11")), 0);
            for (Inet4Address dst : List.of(GROUP4, PEER4)) {
                DecodeResult r = roundTrip4(a, dst, mode, V3ChecksumMode.PSEUDO_HEADER);
                assertThat(r).isInstanceOf(DecodeResult.Advert.class);
                assertThat(((DecodeResult.Advert) r).advert()).isEqualTo(withChecksum(a, r));
                assertThat(((DecodeResult.Advert) r).destination()).isEqualTo(dst);
            }
        }
    }

    @Test
    void v2AuthDataShorterThanEightBytesIsZeroPadded() {
        VrrpAdvert a = new VrrpAdvert(2, 1, 100, 100, 1, "abc".getBytes(), List.of(ip("192.0.2.10")), 0);
        DecodeResult r = roundTrip4(a, GROUP4, V3ChecksumMode.PSEUDO_HEADER, V3ChecksumMode.PSEUDO_HEADER);
        assertThat(((DecodeResult.Advert) r).advert().authData()).isEqualTo(auth("abc"));
    }

    @ParameterizedTest
    @EnumSource(V3ChecksumMode.class)
    void v3Ipv4InEveryModeDecodesOnlyInTheSameMode(V3ChecksumMode mode) {
        VrrpAdvert a = new VrrpAdvert(3, 200, 100, 4095, 0, new byte[0], List.of(ip("192.0.2.10")), 0);
        for (Inet4Address dst : List.of(GROUP4, PEER4)) {
            for (V3ChecksumMode other : V3ChecksumMode.values()) {
                DecodeResult r = roundTrip4(a, dst, mode, other);
                // OLD_UNICAST differs from PSEUDO_HEADER only when the destination is not the group.
                boolean same = other == mode || (dst.equals(GROUP4) && mode != V3ChecksumMode.AS_V2
                        && other != V3ChecksumMode.AS_V2);
                if (same) {
                    assertThat(((DecodeResult.Advert) r).advert()).as(mode + "/" + other).isEqualTo(withChecksum(a, r));
                } else {
                    assertThat(r).as(mode + "/" + other).isInstanceOfSatisfying(DecodeResult.Drop.class,
                            d -> assertThat(d.reason()).isEqualTo(DropReason.CHECKSUM));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(V3ChecksumMode.class)
    void v3Ipv6AlwaysUsesThePseudoHeader(V3ChecksumMode mode) {
        VrrpAdvert a = new VrrpAdvert(3, 9, 255, 1, 0, new byte[0], List.of(ip("fe80::9"), ip("2001:db8::9"),
                mapped("192.0.2.9")), 0);
        for (Inet6Address dst : List.of(GROUP6, PEER6)) {
            byte[] vrrp = VrrpCodec.encode(a, SRC6, dst, mode);
            assertThat(vrrp).isEqualTo(VrrpCodec.encode(a, SRC6, dst, V3ChecksumMode.PSEUDO_HEADER));
            DecodeResult r = VrrpCodec.decodeIpv6(vrrp, SRC6, dst, 255);
            assertThat(((DecodeResult.Advert) r).advert()).isEqualTo(withChecksum(a, r));
            // An IPv4-mapped address stays an IPv6 address (family consistent with the IP version).
            assertThat(((DecodeResult.Advert) r).advert().addresses()).allMatch(x -> x instanceof Inet6Address);
            // The pseudo-header covers the addresses: another source breaks the checksum.
            assertThat(VrrpCodec.decodeIpv6(vrrp, (Inet6Address) ip("fe80::2"), dst, 255))
                    .isInstanceOfSatisfying(DecodeResult.Drop.class, d -> assertThat(d.reason()).isEqualTo(DropReason.CHECKSUM));
        }
    }

    @Test
    void unicastTtlIsExposedNotJudged() {
        VrrpAdvert a = new VrrpAdvert(3, 1, 100, 100, 0, new byte[0], List.of(ip("192.0.2.10")), 0);
        byte[] vrrp = VrrpCodec.encode(a, SRC4, PEER4, V3ChecksumMode.PSEUDO_HEADER);
        DecodeResult r = VrrpCodec.decodeIpv4(VrrpCodec.ipv4Packet(SRC4, PEER4, 3, 1, vrrp), V3ChecksumMode.PSEUDO_HEADER);
        assertThat(((DecodeResult.Advert) r).ttl()).isEqualTo(3);
        assertThat(VrrpCodec.decodeIpv6(VrrpCodec.encode(a6(), SRC6, PEER6, V3ChecksumMode.PSEUDO_HEADER), SRC6, PEER6, 1))
                .isInstanceOf(DecodeResult.Advert.class);
        assertThat(VrrpCodec.decodeIpv6(VrrpCodec.encode(a6(), SRC6, GROUP6, V3ChecksumMode.PSEUDO_HEADER), SRC6, GROUP6, 1))
                .isInstanceOfSatisfying(DecodeResult.Drop.class, d -> assertThat(d.reason()).isEqualTo(DropReason.IP_TTL));
    }

    /** ::ffff:a.b.c.d as an Inet6Address (InetAddress.getByName would turn it into an Inet4Address). */
    static InetAddress mapped(String v4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(ip(v4).getAddress(), 0, b, 12, 4);
        return VrrpCodec.address(b, 0, 16);
    }

    private static VrrpAdvert a6() {
        return new VrrpAdvert(3, 1, 100, 100, 0, new byte[0], List.of(ip("fe80::10")), 0);
    }

    @Test
    void ipv4OptionsAreSkippedAndBadIpHeadersAreNamed() {
        VrrpAdvert a = new VrrpAdvert(3, 1, 100, 100, 0, new byte[0], List.of(ip("192.0.2.10")), 0);
        byte[] plain = VrrpCodec.ipv4Packet(SRC4, GROUP4, 255, 1,
                VrrpCodec.encode(a, SRC4, GROUP4, V3ChecksumMode.PSEUDO_HEADER));
        // IHL 6 with a Router Alert option (RFC 2113) between header and VRRP message.
        byte[] withOption = new byte[plain.length + 4];
        System.arraycopy(plain, 0, withOption, 0, 20);
        withOption[0] = 0x46;
        VrrpCodec.put16(withOption, 2, withOption.length);
        System.arraycopy(new byte[] {(byte) 0x94, 4, 0, 0}, 0, withOption, 20, 4);
        System.arraycopy(plain, 20, withOption, 24, plain.length - 20);
        assertThat(((DecodeResult.Advert) VrrpCodec.decodeIpv4(withOption, V3ChecksumMode.PSEUDO_HEADER)).advert())
                .isEqualTo(withChecksum(a, VrrpCodec.decodeIpv4(plain, V3ChecksumMode.PSEUDO_HEADER)));

        byte[] longerThanPacket = plain.clone();
        VrrpCodec.put16(longerThanPacket, 2, plain.length + 1);
        byte[] badIhl = plain.clone();
        badIhl[0] = 0x44;
        byte[] notV4 = plain.clone();
        notV4[0] = 0x65;
        for (byte[] bad : List.of(longerThanPacket, badIhl, notV4)) {
            assertThat(VrrpCodec.decodeIpv4(bad, V3ChecksumMode.PSEUDO_HEADER)).isInstanceOfSatisfying(
                    DecodeResult.Drop.class, d -> assertThat(d.reason()).isEqualTo(DropReason.IP_HEADER));
        }
        // Link-layer padding after Total Length is not part of the VRRP message.
        byte[] padded = java.util.Arrays.copyOf(plain, plain.length + 6);
        assertThat(VrrpCodec.decodeIpv4(padded, V3ChecksumMode.PSEUDO_HEADER)).isInstanceOf(DecodeResult.Advert.class);
    }

    @Test
    void version2OverIpv6IsAVersionDrop() {
        byte[] v2 = VrrpCodec.encode(new VrrpAdvert(2, 1, 100, 100, 0, new byte[8], List.of(), 0), SRC4, GROUP4,
                V3ChecksumMode.PSEUDO_HEADER);
        assertThat(VrrpCodec.decodeIpv6(v2, SRC6, GROUP6, 255)).isInstanceOfSatisfying(DecodeResult.Drop.class,
                d -> assertThat(d.reason()).isEqualTo(DropReason.VERSION));
    }

    @Test
    void reservedBitsOfV3IntervalAreIgnoredOnReceipt() {
        byte[] vrrp = VrrpCodec.encode(a6(), SRC6, GROUP6, V3ChecksumMode.PSEUDO_HEADER);
        vrrp[4] |= (byte) 0xf0; // RFC 5798 §5.2.5: rsvd MUST be ignored by the receiver
        vrrp[6] = 0;
        vrrp[7] = 0;
        VrrpCodec.put16(vrrp, 6, VrrpCodec.checksum(vrrp, 0, vrrp.length, 3, SRC6, GROUP6, V3ChecksumMode.PSEUDO_HEADER));
        DecodeResult r = VrrpCodec.decodeIpv6(vrrp, SRC6, GROUP6, 255);
        assertThat(((DecodeResult.Advert) r).advert().advertIntervalCentis()).isEqualTo(100);
    }

    @Test
    void unrepresentableAdvertsAreRefusedByTheEncoder() {
        List<InetAddress> one4 = List.of(ip("192.0.2.10"));
        assertThatThrownBy(() -> VrrpCodec.encode(new VrrpAdvert(3, 1, 1, 4096, 0, new byte[0], one4, 0), SRC4,
                GROUP4, V3ChecksumMode.PSEUDO_HEADER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpCodec.encode(new VrrpAdvert(2, 1, 1, 150, 0, new byte[8], one4, 0), SRC4,
                GROUP4, V3ChecksumMode.PSEUDO_HEADER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpCodec.encode(new VrrpAdvert(2, 1, 1, 100, 0, new byte[8], one4, 0), SRC6,
                GROUP6, V3ChecksumMode.PSEUDO_HEADER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpCodec.encode(new VrrpAdvert(3, 1, 1, 100, 0, new byte[0], one4, 0), SRC6,
                GROUP6, V3ChecksumMode.PSEUDO_HEADER)).isInstanceOf(IllegalArgumentException.class);
    }
}
