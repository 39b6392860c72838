package org.jkeepalived.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.jkeepalived.ffi.NativeSocket;
import org.jkeepalived.ffi.Sockaddrs;
import org.jkeepalived.net.linux.LinuxFrameSender;
import org.jkeepalived.net.linux.LinuxInterfaces;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tier 4: a gratuitous ARP sent on an AF_PACKET socket in one namespace, captured in the other. */
class FrameSenderIT {
    private static final int ETH_P_ARP = 0x0806;
    private static final int ETH_P_IPV6 = 0x86dd;

    private Netns a;
    private Netns b;

    @BeforeEach
    void namespaces() {
        Privileged.require("ip");
        a = Netns.create("jkio-fa");
        b = Netns.create("jkio-fb");
        Netns.veth(a, "va", b, "vb");
    }

    @AfterEach
    void cleanup() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    /** A gratuitous ARP request (RFC 5227 section 3 form: sender and target IP both the address). */
    static byte[] gratuitousArp(byte[] mac, byte[] ip) {
        return ByteBuffer.allocate(42).put(new byte[] {-1, -1, -1, -1, -1, -1}).put(mac).putShort((short) ETH_P_ARP)
                .putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1)
                .put(mac).put(ip).put(new byte[6]).put(ip).array();
    }

    /**
     * An unsolicited neighbour advertisement frame (RFC 4861 section 4.4) from fe80::1 to ff02::1,
     * hop limit 255. Its ICMPv6 checksum is left zero: only delivery of the frame is tested here.
     */
    static byte[] unsolicitedNa(byte[] mac) {
        byte[] src = HexFormat.of().parseHex("fe800000000000000000000000000001");
        return ByteBuffer.allocate(14 + 40 + 32).put(new byte[] {0x33, 0x33, 0, 0, 0, 1}).put(mac)
                .putShort((short) ETH_P_IPV6)
                .putInt(0x60000000).putShort((short) 32).put((byte) 58).put((byte) 255).put(src)
                .put(HexFormat.of().parseHex("ff020000000000000000000000000001"))
                .put((byte) 136).put((byte) 0).putShort((short) 0).putInt(0x20000000).put(src)
                .put((byte) 2).put((byte) 1).put(mac).array();
    }

    @Test
    void neighbourAdvertFrameSentInAIsSeenInB() throws Exception {
        byte[] mac = a.call(() -> LinuxInterfaces.macAddress("va"));
        byte[] frame = unsolicitedNa(mac);
        int vbIndex = b.call(() -> LinuxInterfaces.index("vb"));
        try (NativeSocket capture = b.call(() -> {
            NativeSocket s = NativeSocket.open(NativeSocket.AF_PACKET, NativeSocket.SOCK_RAW,
                    Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_IPV6)), "capture");
            s.bind(Sockaddrs.packet(ETH_P_IPV6, vbIndex));
            return s;
        });
             FrameSender tx = a.call(() -> LinuxFrameSender.open(LinuxInterfaces.index("va")))) {
            tx.send(frame);
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < deadline) {
                NativeSocket.Message m = capture.receiveMessage(2048, 500);
                // Other IPv6 traffic (router solicitations, MLD reports) may come first.
                if (m != null && Arrays.equals(Arrays.copyOf(m.data(), frame.length), frame)) {
                    return;
                }
            }
            throw new AssertionError("the neighbour advertisement frame was not seen in B");
        }
    }

    @Test
    void macComesFromSiocgifhwaddr() throws Exception {
        byte[] mac = a.call(() -> LinuxInterfaces.macAddress("va"));
        String hex = HexFormat.ofDelimiter(":").formatHex(mac);
        assertThat(a.ip("link", "show", "va")).contains("link/ether " + hex);
    }

    @Test
    void gratuitousArpSentInAIsSeenInB() throws Exception {
        byte[] mac = a.call(() -> LinuxInterfaces.macAddress("va"));
        byte[] frame = gratuitousArp(mac, new byte[] {(byte) 192, 0, 2, 100});
        int vbIndex = b.call(() -> LinuxInterfaces.index("vb"));
        // The capture: AF_PACKET bound to vb for ARP only; the protocol argument is in network order.
        try (NativeSocket capture = b.call(() -> {
            NativeSocket s = NativeSocket.open(NativeSocket.AF_PACKET, NativeSocket.SOCK_RAW,
                    Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_ARP)), "capture");
            s.bind(Sockaddrs.packet(ETH_P_ARP, vbIndex));
            return s;
        });
             FrameSender tx = a.call(() -> LinuxFrameSender.open(LinuxInterfaces.index("va")))) {
            tx.send(frame);
            NativeSocket.Message m = capture.receiveMessage(2048, 3000);
            assertThat(m).isNotNull();
            assertThat(Arrays.copyOf(m.data(), frame.length)).isEqualTo(frame);
        }
    }
}
