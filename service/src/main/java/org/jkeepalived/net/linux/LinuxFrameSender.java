package org.jkeepalived.net.linux;

import java.io.IOException;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.NativeSocket;
import org.jkeepalived.ffi.Sockaddrs;
import org.jkeepalived.net.FrameSender;

/**
 * An AF_PACKET SOCK_RAW socket that only sends (protocol 0: it receives nothing), bound to one
 * interface. The frame carries its own Ethernet header; sll_protocol is set from its ethertype so the
 * kernel tags the skb like the frame (ARP 0x0806, IPv6 0x86dd for neighbour advertisements).
 */
public final class LinuxFrameSender implements FrameSender {
    private final NativeSocket socket;
    private final int ifIndex;

    private LinuxFrameSender(NativeSocket socket, int ifIndex) {
        this.socket = socket;
        this.ifIndex = ifIndex;
    }

    public static LinuxFrameSender open(int ifIndex) throws NativeException {
        NativeSocket s = NativeSocket.open(NativeSocket.AF_PACKET, NativeSocket.SOCK_RAW, 0,
                "AF_PACKET ifindex " + ifIndex);
        try {
            s.bind(Sockaddrs.packet(0, ifIndex));
        } catch (NativeException e) {
            s.close();
            throw e;
        }
        // The first sendto pays for jnr's lazy binding; pay it now, on fd -1 (EBADF, nothing is sent).
        NativeSocket.warmUpSendTo(new byte[14], Sockaddrs.packet(0x0806, ifIndex));
        return new LinuxFrameSender(s, ifIndex);
    }

    @Override
    public void send(byte[] ethernetFrame) throws IOException {
        if (ethernetFrame.length < 14) {
            throw new IllegalArgumentException("an Ethernet frame has at least 14 bytes, got " + ethernetFrame.length);
        }
        int ethertype = ((ethernetFrame[12] & 0xff) << 8) | (ethernetFrame[13] & 0xff);
        socket.sendTo(ethernetFrame, Sockaddrs.packet(ethertype, ifIndex));
    }

    @Override
    public void close() {
        socket.close();
    }
}
