package org.jkeepalived.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure encoding and decoding of the rtnetlink messages we use (rtnetlink(7), netlink(7)): headers
 * and attributes in host byte order, attributes padded to 4 bytes. No I/O: the sockets are in
 * {@code netlink.linux}. Malformed input never throws: it decodes to nothing.
 */
public final class NetlinkCodec {
    public static final int NLMSG_HDRLEN = 16;
    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_DUMP = 0x300;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;
    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFA_LABEL = 3;
    public static final int IFA_BROADCAST = 4;
    public static final int IFA_CACHEINFO = 6;
    public static final int IFA_FLAGS = 8;
    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_IFNAME = 3;
    public static final int IFA_F_SECONDARY = 0x01;
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_DEPRECATED = 0x20;
    public static final int IFA_F_TENTATIVE = 0x40;
    public static final int IFA_F_PERMANENT = 0x80;
    public static final int IFA_F_NOPREFIXROUTE = 0x200;
    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_SITE = 200;
    public static final int RT_SCOPE_LINK = 253;
    public static final int RT_SCOPE_HOST = 254;
    public static final int RTMGRP_LINK = 0x1;
    public static final int RTMGRP_IPV4_IFADDR = 0x10;
    public static final int RTMGRP_IPV6_IFADDR = 0x100;
    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    private NetlinkCodec() {
    }

    /** One netlink message: header fields and the bytes after the 16-byte header. */
    public record Message(int type, int flags, int seq, int portId, byte[] payload) {
    }

    /** A decoded RTM_NEWADDR / RTM_DELADDR. */
    public record Address(boolean added, int family, int prefixLength, int scope, int ifIndex, InetAddress address,
                          String label, int flags) {
    }

    static int align(int n) {
        return (n + 3) & ~3;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    /** Collects attributes, then frames them behind a header and a fixed family struct. */
    static final class Builder {
        private final ByteBuffer b = buffer(1024);

        Builder(int type, int flags, int seq, byte[] familyStruct) {
            b.putInt(0).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0).put(familyStruct);
        }

        Builder attr(int type, byte[] value) {
            int len = 4 + value.length;
            b.putShort((short) len).putShort((short) type).put(value);
            b.position(b.position() + align(len) - len);
            return this;
        }

        Builder attrInt(int type, int value) {
            return attr(type, buffer(4).putInt(value).array());
        }

        byte[] build() {
            int len = b.position();
            b.putInt(0, len);
            return Arrays.copyOf(b.array(), len);
        }
    }

    private static byte[] ifaddrmsg(AddressSpec a) {
        return buffer(8).put((byte) family(a.address())).put((byte) a.prefixLength()).put((byte) (a.flags() & 0xff))
                .put((byte) a.scope()).putInt(a.ifIndex()).array();
    }

    private static int family(InetAddress a) {
        return a instanceof Inet4Address ? AF_INET : AF_INET6;
    }

    /**
     * RTM_NEWADDR (create, exclusive, acked) or RTM_DELADDR (acked), with IFA_LOCAL and IFA_ADDRESS
     * both the address (as iproute2 sends a non-peer address), and the optional attributes.
     */
    public static byte[] address(boolean add, int seq, AddressSpec a) {
        int flags = NLM_F_REQUEST | NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_EXCL : 0);
        Builder m = new Builder(add ? RTM_NEWADDR : RTM_DELADDR, flags, seq, ifaddrmsg(a));
        byte[] addr = a.address().getAddress();
        m.attr(IFA_LOCAL, addr).attr(IFA_ADDRESS, addr);
        if (add) {
            if (a.label() != null && a.address() instanceof Inet4Address) {
                byte[] l = a.label().getBytes(StandardCharsets.US_ASCII);
                m.attr(IFA_LABEL, Arrays.copyOf(l, l.length + 1));
            }
            if (a.broadcast() != null && a.address() instanceof Inet4Address) {
                m.attr(IFA_BROADCAST, a.broadcast().getAddress());
            }
            if (a.preferredLifetimeSeconds() != AddressSpec.FOREVER || a.validLifetimeSeconds() != AddressSpec.FOREVER) {
                m.attr(IFA_CACHEINFO, buffer(16).putInt((int) a.preferredLifetimeSeconds())
                        .putInt((int) a.validLifetimeSeconds()).putInt(0).putInt(0).array());
            }
            if (a.flags() != 0) {
                m.attrInt(IFA_FLAGS, a.flags());
            }
        }
        return m.build();
    }

    /** RTM_GETLINK dump request for all links. */
    public static byte[] getLinks(int seq) {
        return new Builder(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, seq, new byte[16]).build();
    }

    /** RTM_GETADDR dump request for the addresses of every family. */
    public static byte[] getAddresses(int seq) {
        return new Builder(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, seq, new byte[8]).build();
    }

    /** An RTM_NEWADDR of a dump as an {@link InterfaceAddress}, or null when it is another or malformed. */
    public static InterfaceAddress interfaceAddress(Message m) {
        Address a = m.type() == RTM_NEWADDR ? address(m) : null;
        return a == null ? null : new InterfaceAddress(a.ifIndex(), a.address(), a.prefixLength(), a.flags(),
                a.scope(), a.label());
    }

    /** The messages in one received datagram; stops at the first malformed header. */
    public static List<Message> split(byte[] datagram) {
        List<Message> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder());
        int pos = 0;
        while (pos + NLMSG_HDRLEN <= datagram.length) {
            int len = b.getInt(pos);
            if (len < NLMSG_HDRLEN || pos + len > datagram.length) {
                break;
            }
            out.add(new Message(Short.toUnsignedInt(b.getShort(pos + 4)), Short.toUnsignedInt(b.getShort(pos + 6)),
                    b.getInt(pos + 8), b.getInt(pos + 12), Arrays.copyOfRange(datagram, pos + NLMSG_HDRLEN, pos + len)));
            pos += align(len);
        }
        return out;
    }

    /** The errno of an NLMSG_ERROR (0 for an ack), or -1 when it is not one or too short. */
    public static int errorCode(Message m) {
        if (m.type() != NLMSG_ERROR || m.payload().length < 4) {
            return -1;
        }
        return -ByteBuffer.wrap(m.payload()).order(ByteOrder.nativeOrder()).getInt(0);
    }

    /** The attributes (type without the NLA_F_* bits → value) from {@code offset} of a payload. */
    static Map<Integer, byte[]> attributes(byte[] payload, int offset) {
        Map<Integer, byte[]> out = new HashMap<>();
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder());
        int pos = offset;
        while (pos + 4 <= payload.length) {
            int len = Short.toUnsignedInt(b.getShort(pos));
            if (len < 4 || pos + len > payload.length) {
                break;
            }
            out.putIfAbsent(b.getShort(pos + 2) & 0x3fff, Arrays.copyOfRange(payload, pos + 4, pos + len));
            pos += align(len);
        }
        return out;
    }

    private static String string(byte[] v) {
        int n = 0;
        while (n < v.length && v[n] != 0) {
            n++;
        }
        return new String(v, 0, n, StandardCharsets.US_ASCII);
    }

    /** A link from RTM_NEWLINK / RTM_DELLINK (ifinfomsg: 16 bytes), or null when malformed. */
    public static Link link(Message m) {
        if ((m.type() != RTM_NEWLINK && m.type() != RTM_DELLINK) || m.payload().length < 16) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(m.payload()).order(ByteOrder.nativeOrder());
        Map<Integer, byte[]> attrs = attributes(m.payload(), 16);
        byte[] name = attrs.get(IFLA_IFNAME);
        byte[] mac = attrs.getOrDefault(IFLA_ADDRESS, new byte[0]);
        return new Link(b.getInt(4), name == null ? "" : string(name), b.getInt(8), mac);
    }

    /**
     * An address from RTM_NEWADDR / RTM_DELADDR (ifaddrmsg: 8 bytes), or null when malformed. The
     * address is IFA_LOCAL when present (for IPv4 peer addresses IFA_ADDRESS is the peer), else
     * IFA_ADDRESS; flags are IFA_FLAGS when present, else ifa_flags.
     */
    public static Address address(Message m) {
        if ((m.type() != RTM_NEWADDR && m.type() != RTM_DELADDR) || m.payload().length < 8) {
            return null;
        }
        byte[] p = m.payload();
        int family = p[0] & 0xff;
        Map<Integer, byte[]> attrs = attributes(p, 8);
        byte[] raw = attrs.getOrDefault(IFA_LOCAL, attrs.get(IFA_ADDRESS));
        int expected = family == AF_INET ? 4 : family == AF_INET6 ? 16 : -1;
        if (raw == null || raw.length != expected) {
            return null;
        }
        InetAddress address;
        try {
            address = InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            return null;
        }
        byte[] label = attrs.get(IFA_LABEL);
        byte[] flags = attrs.get(IFA_FLAGS);
        int f = flags != null && flags.length == 4
                ? ByteBuffer.wrap(flags).order(ByteOrder.nativeOrder()).getInt() : p[2] & 0xff;
        return new Address(m.type() == RTM_NEWADDR, family, p[1] & 0xff, p[3] & 0xff,
                ByteBuffer.wrap(p).order(ByteOrder.nativeOrder()).getInt(4), address,
                label == null ? null : string(label), f);
    }

    /**
     * The monitor's events for one message. {@code linkUp} holds the last known state per ifindex:
     * RTM_NEWLINK arrives for every attribute change, so a link event is reported only when the
     * usable state ({@link Link#up()}) changes or the link is first seen.
     */
    public static List<NetlinkEvent> events(Message m, Map<Integer, Boolean> linkUp) {
        if (m.type() == RTM_NEWLINK || m.type() == RTM_DELLINK) {
            Link l = link(m);
            if (l == null) {
                return List.of();
            }
            boolean up = m.type() == RTM_NEWLINK && l.up();
            Boolean before = m.type() == RTM_DELLINK ? linkUp.remove(l.index()) : linkUp.put(l.index(), up);
            if (before != null && before == up) {
                return List.of();
            }
            if (m.type() == RTM_DELLINK && before != null && !before) {
                return List.of();
            }
            return List.of(up ? new NetlinkEvent.LinkUp(l.index(), l.name()) : new NetlinkEvent.LinkDown(l.index(), l.name()));
        }
        if (m.type() == RouteCodec.RTM_DELROUTE) {
            NetlinkEvent e = RouteCodec.routeRemoved(m);
            return e == null ? List.of() : List.of(e);
        }
        if (m.type() == RouteCodec.RTM_DELRULE) {
            NetlinkEvent e = RouteCodec.ruleRemoved(m);
            return e == null ? List.of() : List.of(e);
        }
        Address a = address(m);
        if (a == null) {
            return List.of();
        }
        return List.of(a.added() ? new NetlinkEvent.AddressAdded(a.ifIndex(), a.address(), a.prefixLength())
                : new NetlinkEvent.AddressRemoved(a.ifIndex(), a.address(), a.prefixLength()));
    }
}
