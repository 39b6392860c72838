package org.jkeepalived.vrrp.packet;

import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Optional;

/**
 * A gratuitous ARP announcement of a virtual IPv4 address, byte-exact to what keepalived 2.2.7 sends on a
 * packet socket (fixture garp.hex, captured): an Ethernet broadcast frame carrying an ARP request
 * (RFC 826) whose sender and target protocol addresses are both the VIP and whose sender hardware address
 * is the interface MAC (the VMAC when use_vmac).
 *
 * <p>Deviation from RFC 5227 §2.3 (which asks for a zero target hardware address in announcements): like
 * keepalived, the target hardware address is ff:ff:ff:ff:ff:ff. Both forms update neighbours' caches.
 * The frame is 42 bytes; the NIC pads it to the Ethernet minimum.
 *
 * @param senderMac the 6-byte source MAC (Ethernet source and ARP sender hardware address)
 * @param vip       the announced address (ARP sender and target protocol address)
 */
public record GratuitousArp(byte[] senderMac, Inet4Address vip) {
    public static final int FRAME_LENGTH = 42;
    static final int ETHERTYPE_ARP = 0x0806;
    private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1};

    public GratuitousArp {
        if (senderMac.length != 6) {
            throw new IllegalArgumentException("MAC of " + senderMac.length + " bytes");
        }
        senderMac = senderMac.clone();
    }

    @Override
    public byte[] senderMac() {
        return senderMac.clone();
    }

    /** The Ethernet frame, destination MAC first. */
    public byte[] toFrame() {
        byte[] f = new byte[FRAME_LENGTH];
        System.arraycopy(BROADCAST, 0, f, 0, 6);
        System.arraycopy(senderMac, 0, f, 6, 6);
        VrrpCodec.put16(f, 12, ETHERTYPE_ARP);
        VrrpCodec.put16(f, 14, 1);          // hardware type Ethernet
        VrrpCodec.put16(f, 16, 0x0800);     // protocol type IPv4
        f[18] = 6;                          // hardware address length
        f[19] = 4;                          // protocol address length
        VrrpCodec.put16(f, 20, 1);          // operation: request
        System.arraycopy(senderMac, 0, f, 22, 6);
        System.arraycopy(vip.getAddress(), 0, f, 28, 4);
        System.arraycopy(BROADCAST, 0, f, 32, 6); // keepalived: broadcast target hardware address
        System.arraycopy(vip.getAddress(), 0, f, 38, 4);
        return f;
    }

    /**
     * Parses a frame as a gratuitous ARP (request or reply, sender protocol address = target protocol
     * address). Empty for anything else; never throws. Trailing padding is ignored.
     */
    public static Optional<GratuitousArp> parse(byte[] f) {
        if (f == null || f.length < FRAME_LENGTH || VrrpCodec.u16(f, 12) != ETHERTYPE_ARP
                || VrrpCodec.u16(f, 14) != 1 || VrrpCodec.u16(f, 16) != 0x0800 || f[18] != 6 || f[19] != 4) {
            return Optional.empty();
        }
        int op = VrrpCodec.u16(f, 20);
        if ((op != 1 && op != 2) || !Arrays.equals(f, 28, 32, f, 38, 42)) {
            return Optional.empty();
        }
        return Optional.of(new GratuitousArp(Arrays.copyOfRange(f, 22, 28),
                (Inet4Address) VrrpCodec.address(f, 28, 4)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GratuitousArp g && Arrays.equals(senderMac, g.senderMac) && vip.equals(g.vip);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(senderMac) + vip.hashCode();
    }

    @Override
    public String toString() {
        return "GratuitousArp[" + Mac.format(senderMac) + " " + vip.getHostAddress() + "]";
    }
}
