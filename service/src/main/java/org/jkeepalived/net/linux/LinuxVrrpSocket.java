package org.jkeepalived.net.linux;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.jkeepalived.ffi.Cmsg;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.NativeSocket;
import org.jkeepalived.ffi.Sockaddrs;
import org.jkeepalived.net.Received;
import org.jkeepalived.net.VrrpSocket;
import org.jkeepalived.net.VrrpSocketSpec;

/**
 * A raw IPPROTO_VRRP socket bound to one interface. The source address is chosen per send with
 * IP_PKTINFO / IPV6_PKTINFO rather than bind(2): a raw socket bound to an address would only receive
 * datagrams addressed to it, not the multicast group.
 */
public final class LinuxVrrpSocket implements VrrpSocket {
    static final int SOL_IP = 0;
    static final int IP_TTL = 2;
    static final int IP_PKTINFO = 8;
    static final int IP_RECVTTL = 12;
    static final int IP_MULTICAST_IF = 32;
    static final int IP_MULTICAST_TTL = 33;
    static final int IP_MULTICAST_LOOP = 34;
    static final int IP_ADD_MEMBERSHIP = 35;
    static final int IP_MULTICAST_ALL = 49;
    static final int IPV6_MULTICAST_ALL = 29;
    static final int ENOPROTOOPT = 92;
    static final int SOL_IPV6 = 41;
    static final int IPV6_UNICAST_HOPS = 16;
    static final int IPV6_MULTICAST_IF = 17;
    static final int IPV6_MULTICAST_HOPS = 18;
    static final int IPV6_MULTICAST_LOOP = 19;
    static final int IPV6_JOIN_GROUP = 20;
    static final int IPV6_RECVPKTINFO = 49;
    static final int IPV6_PKTINFO = 50;
    static final int IPV6_RECVHOPLIMIT = 51;
    static final int IPV6_HOPLIMIT = 52;
    /** VRRP's TTL / hop limit (RFC 5798 section 5.1.1.3, RFC 3768 section 5.2.3). */
    static final int TTL = 255;
    private static final int MAX_DATAGRAM = 65535;

    private final NativeSocket socket;
    private final VrrpSocketSpec spec;
    private final boolean ipv6;

    private LinuxVrrpSocket(NativeSocket socket, VrrpSocketSpec spec, boolean ipv6) {
        this.socket = socket;
        this.spec = spec;
        this.ipv6 = ipv6;
    }

    /** Opens the socket of the source address's family, in the calling thread's network namespace. */
    public static LinuxVrrpSocket open(VrrpSocketSpec spec) throws NativeException {
        boolean v6 = spec.source() instanceof Inet6Address;
        NativeSocket s = NativeSocket.open(v6 ? NativeSocket.AF_INET6 : NativeSocket.AF_INET,
                NativeSocket.SOCK_RAW, IPPROTO_VRRP, "VRRP " + (v6 ? "IPv6 " : "IPv4 ") + spec.ifName());
        try {
            s.bindToDevice(spec.ifName());
            if (v6) {
                // No IPV6_CHECKSUM: the VRRP checksum is computed by the codec (RFC 5798 section 5.2.8).
                s.setInt(SOL_IPV6, IPV6_MULTICAST_HOPS, TTL, "IPV6_MULTICAST_HOPS");
                s.setInt(SOL_IPV6, IPV6_UNICAST_HOPS, TTL, "IPV6_UNICAST_HOPS");
                s.setInt(SOL_IPV6, IPV6_MULTICAST_IF, spec.ifIndex(), "IPV6_MULTICAST_IF");
                s.setInt(SOL_IPV6, IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
                s.setInt(SOL_IPV6, IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
                s.setInt(SOL_IPV6, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
                try {
                    s.setInt(SOL_IPV6, IPV6_MULTICAST_ALL, 0, "IPV6_MULTICAST_ALL");
                } catch (NativeException e) {
                    if (e.errno() != ENOPROTOOPT) { // before Linux 4.20 (e.g. RHEL 8): only the filter is lost
                        throw e;
                    }
                }
                if (spec.group() != null) {
                    s.setOption(SOL_IPV6, IPV6_JOIN_GROUP,
                            Sockaddrs.ipv6Mreq((Inet6Address) spec.group(), spec.ifIndex()), "IPV6_JOIN_GROUP");
                }
            } else {
                s.setInt(SOL_IP, IP_MULTICAST_TTL, TTL, "IP_MULTICAST_TTL");
                s.setInt(SOL_IP, IP_TTL, TTL, "IP_TTL");
                s.setOption(SOL_IP, IP_MULTICAST_IF, Sockaddrs.ipMreqn(null, spec.ifIndex()), "IP_MULTICAST_IF");
                s.setInt(SOL_IP, IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
                s.setInt(SOL_IP, IP_PKTINFO, 1, "IP_PKTINFO");
                s.setInt(SOL_IP, IP_RECVTTL, 1, "IP_RECVTTL");
                // Only the groups this socket joined, not those other sockets joined on the device.
                s.setInt(SOL_IP, IP_MULTICAST_ALL, 0, "IP_MULTICAST_ALL");
                if (spec.group() != null) {
                    s.setOption(SOL_IP, IP_ADD_MEMBERSHIP,
                            Sockaddrs.ipMreqn((Inet4Address) spec.group(), spec.ifIndex()), "IP_ADD_MEMBERSHIP");
                }
            }
        } catch (NativeException e) {
            s.close();
            throw e;
        }
        LinuxVrrpSocket socket = new LinuxVrrpSocket(s, spec, v6);
        socket.warmUp();
        return socket;
    }

    @Override
    public void send(byte[] vrrpMessage, InetAddress dst) throws IOException {
        socket.sendMessage(vrrpMessage, sockaddr(dst), control());
    }

    private byte[] sockaddr(InetAddress dst) {
        int scope = ipv6 && (dst.isLinkLocalAddress() || dst.isMulticastAddress()) ? spec.ifIndex() : 0;
        return Sockaddrs.inet(dst, 0, scope);
    }

    /** IP_PKTINFO / IPV6_PKTINFO: the advert's source address and interface. */
    private byte[] control() {
        return ipv6
                ? Cmsg.pack(List.of(new Cmsg(SOL_IPV6, IPV6_PKTINFO,
                        Sockaddrs.in6Pktinfo((Inet6Address) spec.source(), spec.ifIndex()))))
                : Cmsg.pack(List.of(new Cmsg(SOL_IP, IP_PKTINFO,
                        Sockaddrs.inPktinfo(spec.ifIndex(), (Inet4Address) spec.source(), null))));
    }

    /**
     * A backup sends nothing until it takes over, so its first advert as MASTER would run the send path cold
     * (~10 ms of class loading and jnr-ffi binding, observed in the interop ITs as a takeover 12-19 ms after
     * Master_Down_Interval instead of 1 ms). Run it now, on fd -1: nothing reaches the wire.
     */
    private void warmUp() {
        InetAddress dst = spec.group() != null ? spec.group() : spec.source();
        NativeSocket.warmUpSendMessage(new byte[0], sockaddr(dst), control());
    }

    @Override
    public Received receive(int timeoutMillis) throws IOException {
        NativeSocket.Message m = socket.receiveMessage(MAX_DATAGRAM, timeoutMillis);
        if (m == null) {
            return null;
        }
        InetAddress src = Sockaddrs.parseInet(m.sockaddr());
        InetAddress dst = null;
        int ttl = -1;
        int ifIndex = 0;
        for (Cmsg c : Cmsg.parse(m.control())) {
            if (!ipv6 && c.level() == SOL_IP && c.type() == IP_PKTINFO && c.data().length >= 12) {
                ifIndex = c.intValue();
                dst = InetAddress.getByAddress(Arrays.copyOfRange(c.data(), 8, 12));
            } else if (!ipv6 && c.level() == SOL_IP && c.type() == IP_TTL) {
                ttl = c.intValue();
            } else if (ipv6 && c.level() == SOL_IPV6 && c.type() == IPV6_PKTINFO && c.data().length >= 20) {
                dst = InetAddress.getByAddress(Arrays.copyOfRange(c.data(), 0, 16));
                ifIndex = java.nio.ByteBuffer.wrap(c.data(), 16, 4).order(java.nio.ByteOrder.nativeOrder()).getInt();
            } else if (ipv6 && c.level() == SOL_IPV6 && c.type() == IPV6_HOPLIMIT) {
                ttl = c.intValue();
            }
        }
        byte[] bytes = m.data();
        if (!ipv6) {
            // An IPv4 raw socket receives the IP header too (raw(7)); strip it, keeping its TTL.
            if (bytes.length < 20 || (bytes[0] >> 4) != 4) {
                return new Received(new byte[0], src, dst, ttl, ifIndex);
            }
            int ihl = (bytes[0] & 0x0f) * 4;
            if (ttl < 0) {
                ttl = bytes[8] & 0xff;
            }
            bytes = ihl <= bytes.length ? Arrays.copyOfRange(bytes, ihl, bytes.length) : new byte[0];
        }
        return new Received(bytes, src, dst, ttl, ifIndex);
    }

    @Override
    public void close() {
        socket.close();
    }
}
