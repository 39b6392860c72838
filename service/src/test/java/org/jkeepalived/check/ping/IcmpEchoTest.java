package org.jkeepalived.check.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IcmpEchoTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void checksumMatchesRfc1071Example() {
        // RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (folded); the checksum is its complement
        assertThat(IcmpEcho.checksum(HEX.parseHex("0001f203f4f5f6f7"))).isEqualTo(0x220d);
        assertThat(IcmpEcho.checksum(HEX.parseHex("01"))).isEqualTo(0xfeff); // odd length pads with zero
    }

    @Test
    void v4RequestCarriesAChecksumThatVerifies() {
        byte[] m = IcmpEcho.request(false, 0x1234, 0xabcd, new byte[] {1, 2, 3});
        assertThat(HEX.formatHex(m)).startsWith("0800").endsWith("1234abcd010203");
        assertThat(IcmpEcho.checksum(m)).as("a message with its checksum sums to zero").isZero();
    }

    @Test
    void v6RequestLeavesTheChecksumToTheKernel() {
        assertThat(HEX.formatHex(IcmpEcho.request(true, 1, 2, new byte[0]))).isEqualTo("8000000000010002");
    }

    @Test
    void parsesRepliesWithAndWithoutIpHeader() {
        byte[] icmp = HEX.parseHex("00000000" + "1234" + "0007" + "ff");
        assertThat(IcmpEcho.parseReply(icmp, false, false)).isEqualTo(new IcmpEcho.Reply(0x1234, 7));
        byte[] ip = HEX.parseHex("45000000000000004001000000000000" + "7f000001");
        byte[] withHeader = new byte[ip.length + icmp.length];
        System.arraycopy(ip, 0, withHeader, 0, ip.length);
        System.arraycopy(icmp, 0, withHeader, ip.length, icmp.length);
        assertThat(IcmpEcho.parseReply(withHeader, false, true)).isEqualTo(new IcmpEcho.Reply(0x1234, 7));
        assertThat(IcmpEcho.parseReply(HEX.parseHex("8100000000010002"), true, true))
                .isEqualTo(new IcmpEcho.Reply(1, 2));
    }

    @Test
    void ignoresRequestsErrorsAndRunts() {
        assertThat(IcmpEcho.parseReply(IcmpEcho.request(false, 1, 2, new byte[0]), false, false)).isNull();
        assertThat(IcmpEcho.parseReply(HEX.parseHex("0303000000000000"), false, false)).isNull();
        assertThat(IcmpEcho.parseReply(HEX.parseHex("8000000000010002"), true, false)).isNull();
        assertThat(IcmpEcho.parseReply(HEX.parseHex("000000"), false, false)).isNull();
        assertThat(IcmpEcho.parseReply(HEX.parseHex("4500"), false, true)).isNull();
    }
}
