package org.jkeepalived.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.packet.VrrpCodecFixtureTest.ip;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known answers and a comparison with a deliberately naive, independent implementation. */
class InternetChecksumTest {

    /** Independent reference: sum 16-bit words in an int, fold once at the end (data here is short). */
    static int naive(byte[] data) {
        int sum = 0;
        for (int i = 0; i < data.length; i += 2) {
            int hi = data[i] & 0xff;
            int lo = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            sum += hi * 256 + lo;
        }
        while (sum > 0xffff) {
            sum = (sum >> 16) + (sum & 0xffff);
        }
        return 0xffff - sum;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void rfc1071Example() {
        // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to 0xddf2 (with carries folded); checksum 0x220d.
        assertThat(InternetChecksum.compute(HexFormat.of().parseHex("0001f203f4f5f6f7"), 0, 8)).isEqualTo(0x220d);
    }

    @Test
    void oddLengthIsPaddedWithZero() {
        assertThat(InternetChecksum.compute(new byte[] {0x12, 0x34, 0x56}, 0, 3))
                .isEqualTo(InternetChecksum.compute(new byte[] {0x12, 0x34, 0x56, 0}, 0, 4));
    }

    @Test
    void capturedKeepalivedChecksumsAreReproduced() {
        // v3-ipv4.hex: 10.77.0.1 -> 224.0.0.18, VRRP 3134960200640000 0a4d0034 0a4d0035, checksum 0x3881.
        byte[] v3 = HexFormat.of().parseHex("31349602006400000a4d00340a4d0035");
        assertThat(InternetChecksum.computeWithPseudoHeader(ip("10.77.0.1"), ip("224.0.0.18"), 112, v3, 0, 16))
                .isEqualTo(0x3881);
        // v2-ipv4-pass-auth.hex: message only, checksum 0x01fe.
        byte[] v2 = HexFormat.of().parseHex("21336401010100000a4d00337365637265743100");
        assertThat(InternetChecksum.compute(v2, 0, v2.length)).isEqualTo(0x01fe);
        // v3-ipv6.hex: fe80::ff:fe77:a -> ff02::12, checksum 0x0afb.
        byte[] v6 = HexFormat.of().parseHex("3135c80100640000fd000077000000000000000000000053");
        assertThat(InternetChecksum.computeWithPseudoHeader(ip("fe80::ff:fe77:a"), ip("ff02::12"), 112, v6, 0, 24))
                .isEqualTo(0x0afb);
    }

    @Test
    void agreesWithTheNaiveImplementationIncludingPseudoHeaders() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] data = new byte[random.nextInt(200)];
            random.nextBytes(data);
            assertThat(InternetChecksum.compute(data, 0, data.length)).isEqualTo(naive(data));

            byte[] s4 = new byte[4];
            byte[] d4 = new byte[4];
            random.nextBytes(s4);
            random.nextBytes(d4);
            byte[] ph4 = concat(s4, d4, new byte[] {0, 112, (byte) (data.length >> 8), (byte) data.length});
            assertThat(InternetChecksum.computeWithPseudoHeader(addr(s4), addr(d4), 112, data, 0, data.length))
                    .isEqualTo(naive(concat(ph4, data)));

            byte[] s6 = new byte[16];
            byte[] d6 = new byte[16];
            random.nextBytes(s6);
            random.nextBytes(d6);
            byte[] ph6 = concat(s6, d6, new byte[] {0, 0, (byte) (data.length >> 8), (byte) data.length, 0, 0, 0, 58});
            assertThat(InternetChecksum.computeWithPseudoHeader(VrrpCodec.address(s6, 0, 16),
                    VrrpCodec.address(d6, 0, 16), 58, data, 0, data.length)).isEqualTo(naive(concat(ph6, data)));
        }
    }

    @Test
    void aMessageWithItsChecksumSumsToZero() {
        byte[] m = HexFormat.of().parseHex("31349602006438810a4d00340a4d0035");
        assertThat(InternetChecksum.computeWithPseudoHeader(ip("10.77.0.1"), ip("224.0.0.18"), 112, m, 0, m.length))
                .isZero();
    }

    private static InetAddress addr(byte[] b) {
        return VrrpCodec.address(b, 0, b.length);
    }
}
