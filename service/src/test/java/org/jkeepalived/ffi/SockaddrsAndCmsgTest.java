package org.jkeepalived.ffi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Struct packing on little-endian hex fixtures (x86_64, aarch64). */
class SockaddrsAndCmsgTest {
    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void littleEndian() {
        Assumptions.assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "fixtures are little-endian");
    }

    @Test
    void sockaddrs() throws Exception {
        assertThat(HEX.formatHex(Sockaddrs.inet(InetAddress.getByName("192.0.2.1"), 0, 0)))
                .isEqualTo("02000000c0000201" + "0000000000000000");
        assertThat(HEX.formatHex(Sockaddrs.inet(InetAddress.getByName("fe80::1"), 0, 3)))
                .isEqualTo("0a000000" + "00000000" + "fe800000000000000000000000000001" + "03000000");
        assertThat(HEX.formatHex(Sockaddrs.packet(0x0806, 3))).isEqualTo("11000806" + "03000000" + "00".repeat(12));
        assertThat(HEX.formatHex(Sockaddrs.netlink(0, 0x111))).isEqualTo("10000000" + "00000000" + "11010000");
        assertThat(Sockaddrs.parseInet(Sockaddrs.inet(InetAddress.getByName("192.0.2.1"), 0, 0)))
                .isEqualTo(InetAddress.getByName("192.0.2.1"));
        assertThat(Sockaddrs.parseInet(Sockaddrs.inet(InetAddress.getByName("fe80::1"), 0, 3)).getAddress())
                .isEqualTo(InetAddress.getByName("fe80::1").getAddress());
        assertThat(Sockaddrs.parseInet(Sockaddrs.packet(1, 1))).isNull();
        assertThat(Sockaddrs.parseInet(new byte[1])).isNull();
    }

    @Test
    void optionStructs() throws Exception {
        assertThat(HEX.formatHex(Sockaddrs.ipMreqn((Inet4Address) InetAddress.getByName("224.0.0.18"), 3)))
                .isEqualTo("e0000012" + "00000000" + "03000000");
        assertThat(HEX.formatHex(Sockaddrs.ipv6Mreq((Inet6Address) InetAddress.getByName("ff02::12"), 3)))
                .isEqualTo("ff020000000000000000000000000012" + "03000000");
        assertThat(HEX.formatHex(Sockaddrs.inPktinfo(3, (Inet4Address) InetAddress.getByName("192.0.2.1"), null)))
                .isEqualTo("03000000" + "c0000201" + "00000000");
        assertThat(HEX.formatHex(Sockaddrs.in6Pktinfo((Inet6Address) InetAddress.getByName("fe80::1"), 3)))
                .isEqualTo("fe800000000000000000000000000001" + "03000000");
    }

    @Test
    void cmsgPackAndParse() {
        // IP_TTL 255: cmsg_len 20 (16-byte header + int), padded to CMSG_SPACE = 24.
        String ttl = "1400000000000000" + "00000000" + "02000000" + "ff000000" + "00000000";
        byte[] packed = Cmsg.pack(List.of(new Cmsg(0, 2, HEX.parseHex("ff000000"))));
        assertThat(HEX.formatHex(packed)).isEqualTo(ttl);
        byte[] two = HEX.parseHex(ttl + "1c00000000000000" + "00000000" + "08000000" + "03000000e0000012c0000201"
                + "00000000");
        List<Cmsg> parsed = Cmsg.parse(two);
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0).intValue()).isEqualTo(255);
        assertThat(parsed.get(1).type()).isEqualTo(8);
        assertThat(parsed.get(1).intValue()).isEqualTo(3);
        // A length running past the buffer, or below the header: the rest is ignored.
        assertThat(Cmsg.parse(HEX.parseHex("ff00000000000000" + "00".repeat(8)))).isEmpty();
        assertThat(Cmsg.parse(HEX.parseHex("0400000000000000" + "00".repeat(8)))).isEmpty();
        assertThat(Cmsg.parse(new byte[5])).isEmpty();
    }
}
