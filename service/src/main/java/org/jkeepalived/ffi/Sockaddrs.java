package org.jkeepalived.ffi;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Pure packing of the {@code struct sockaddr_*} byte layouts (family in host order, ports and
 * protocols in network order), and of the small option structs built from them.
 */
public final class Sockaddrs {
    private Sockaddrs() {
    }

    /** sockaddr_in (16 bytes) or sockaddr_in6 (28 bytes; scope id for link-local addresses). */
    public static byte[] inet(InetAddress address, int port, int scopeId) {
        if (address instanceof Inet4Address) {
            ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            b.putShort((short) NativeSocket.AF_INET);
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) port).put(address.getAddress());
            return b.array();
        }
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
        b.putShort((short) NativeSocket.AF_INET6);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port).putInt(0).put(address.getAddress());
        b.order(ByteOrder.nativeOrder()).putInt(scopeId);
        return b.array();
    }

    /** The address of a received sockaddr_in/sockaddr_in6, or null for another family. */
    public static InetAddress parseInet(byte[] sockaddr) {
        if (sockaddr.length < 2) {
            return null;
        }
        int family = ByteBuffer.wrap(sockaddr).order(ByteOrder.nativeOrder()).getShort(0);
        try {
            if (family == NativeSocket.AF_INET && sockaddr.length >= 8) {
                return InetAddress.getByAddress(java.util.Arrays.copyOfRange(sockaddr, 4, 8));
            }
            if (family == NativeSocket.AF_INET6 && sockaddr.length >= 24) {
                return InetAddress.getByAddress(java.util.Arrays.copyOfRange(sockaddr, 8, 24));
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }

    /** sockaddr_ll (20 bytes) for AF_PACKET: protocol (ethertype), ifindex; no hardware address. */
    public static byte[] packet(int ethertype, int ifIndex) {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
        b.putShort((short) NativeSocket.AF_PACKET);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) ethertype);
        b.order(ByteOrder.nativeOrder()).putInt(ifIndex);
        return b.array();
    }

    /** sockaddr_nl (12 bytes): port id (0 = kernel, or let the kernel choose on bind) and groups. */
    public static byte[] netlink(int portId, int groups) {
        return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                .putShort((short) NativeSocket.AF_NETLINK).putShort((short) 0).putInt(portId).putInt(groups).array();
    }

    /** struct ip_mreqn (12 bytes): group, local address (any), ifindex. */
    public static byte[] ipMreqn(Inet4Address group, int ifIndex) {
        return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                .put(group == null ? new byte[4] : group.getAddress()).put(new byte[4]).putInt(ifIndex).array();
    }

    /** struct ipv6_mreq (20 bytes): group, ifindex. */
    public static byte[] ipv6Mreq(Inet6Address group, int ifIndex) {
        return ByteBuffer.allocate(20).order(ByteOrder.nativeOrder()).put(group.getAddress()).putInt(ifIndex).array();
    }

    /** struct in_pktinfo (12 bytes): ifindex, spec_dst (source to use), addr. */
    public static byte[] inPktinfo(int ifIndex, Inet4Address specDst, Inet4Address addr) {
        return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putInt(ifIndex)
                .put(specDst == null ? new byte[4] : specDst.getAddress())
                .put(addr == null ? new byte[4] : addr.getAddress()).array();
    }

    /** struct in6_pktinfo (20 bytes): address, ifindex. */
    public static byte[] in6Pktinfo(Inet6Address addr, int ifIndex) {
        return ByteBuffer.allocate(20).order(ByteOrder.nativeOrder())
                .put(addr == null ? new byte[16] : addr.getAddress()).putInt(ifIndex).array();
    }
}
