package org.jkeepalived.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tier 1, seeded: random bytes and mutated fixtures never make a decoder or parser throw; decode always
 * returns an advert or a named drop. A failing seed is printed by the assertion message.
 */
class PacketFuzzTest {
    static final List<String> FIXTURES = List.of("v2-ipv4-pass-auth.hex", "v2-ipv4-priority0.hex", "v3-ipv4.hex",
            "v3-ipv4-advert-int-50cs.hex", "v3-ipv4-checksum-as-v2.hex", "v3-ipv4-unicast.hex",
            "v3-ipv4-old-unicast-checksum.hex", "v3-ipv6.hex", "bad-ttl.hex", "bad-checksum.hex", "bad-version.hex",
            "bad-type.hex", "bad-address-count.hex", "short.hex", "auth-mismatch.hex", "bad-auth-type.hex",
            "bad-ip-protocol.hex", "bad-hop-limit-v6.hex", "garp.hex", "na.hex");
    static final Inet6Address SRC = (Inet6Address) VrrpCodecFixtureTest.ip("fe80::1");
    static final Inet6Address GROUP = (Inet6Address) VrrpCodecFixtureTest.ip("ff02::12");

    static void decodeEverything(byte[] b, long seed) {
        try {
            decodeOrParse(b, seed);
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + " threw on " + java.util.HexFormat.of().formatHex(b), e);
        }
    }

    private static void decodeOrParse(byte[] b, long seed) {
        for (V3ChecksumMode mode : V3ChecksumMode.values()) {
            assertThat(VrrpCodec.decodeIpv4(b, mode)).as("seed %d", seed).isNotNull();
        }
        assertThat(VrrpCodec.decodeIpv6(b, SRC, GROUP, 255)).as("seed %d", seed).isNotNull();
        assertThat(VrrpCodec.decodeIpv6Packet(b)).as("seed %d", seed).isNotNull();
        assertThat(GratuitousArp.parse(b)).as("seed %d", seed).isNotNull();
        assertThat(UnsolicitedNa.parse(b)).as("seed %d", seed).isNotNull();
    }

    @Test
    void randomBytesNeverThrow() {
        for (long seed = 0; seed < 20_000; seed++) {
            Random random = new Random(seed);
            byte[] b = new byte[random.nextInt(128)];
            random.nextBytes(b);
            if (b.length > 0 && random.nextBoolean()) {
                b[0] = (byte) (random.nextBoolean() ? 0x45 : 0x31); // reach past the first check more often
            }
            decodeEverything(b, seed);
        }
    }

    @Test
    void mutatedFixturesNeverThrow() {
        List<byte[]> fixtures = FIXTURES.stream().map(HexFixtures::load).toList();
        for (long seed = 0; seed < 20_000; seed++) {
            Random random = new Random(seed);
            byte[] b = fixtures.get(random.nextInt(fixtures.size())).clone();
            switch (random.nextInt(4)) {
                case 0 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));           // truncate
                case 1 -> b = Arrays.copyOf(b, b.length + random.nextInt(40));          // extend with zeros
                default -> {
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {       // corrupt bytes
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                }
            }
            decodeEverything(b, seed);
            if (b.length >= 40) {
                decodeEverything(Arrays.copyOfRange(b, 20, b.length), seed);          // VRRP part only
            }
        }
    }

    @Test
    void nullAndEmptyInputsAreDrops() {
        assertThat(VrrpCodec.decodeIpv4(null, V3ChecksumMode.PSEUDO_HEADER)).isInstanceOf(DecodeResult.Drop.class);
        assertThat(VrrpCodec.decodeIpv4(new byte[0], V3ChecksumMode.PSEUDO_HEADER)).isInstanceOf(DecodeResult.Drop.class);
        assertThat(VrrpCodec.decodeIpv6(null, SRC, GROUP, 255)).isInstanceOf(DecodeResult.Drop.class);
        assertThat(VrrpCodec.decodeIpv6(new byte[0], SRC, GROUP, 255)).isInstanceOf(DecodeResult.Drop.class);
        assertThat(VrrpCodec.decodeIpv6Packet(null)).isInstanceOf(DecodeResult.Drop.class);
    }
}
