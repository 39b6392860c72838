package org.jkeepalived.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Pure encoding of RTM_NEWROUTE/RTM_DELROUTE (rtmsg) and RTM_NEWRULE/RTM_DELRULE (fib_rule_hdr). */
public final class RouteCodec {
    public static final int RTM_NEWROUTE = 24;
    public static final int RTM_DELROUTE = 25;
    public static final int RTM_NEWRULE = 32;
    public static final int RTM_DELRULE = 33;
    public static final int RTA_DST = 1;
    public static final int RTA_OIF = 4;
    public static final int RTA_GATEWAY = 5;
    public static final int RTA_PRIORITY = 6;
    public static final int RTA_PREFSRC = 7;
    public static final int RTA_METRICS = 8;
    public static final int RTA_MULTIPATH = 9;
    public static final int RTA_TABLE = 15;
    public static final int RTAX_LOCK = 1;
    public static final int RTNH_F_ONLINK = 4;
    public static final int FRA_DST = 1;
    public static final int FRA_SRC = 2;
    public static final int FRA_IIFNAME = 3;
    public static final int FRA_GOTO = 4;
    public static final int FRA_PRIORITY = 6;
    public static final int FRA_FWMARK = 10;
    public static final int FRA_SUPPRESS_IFGROUP = 13;
    public static final int FRA_SUPPRESS_PREFIXLEN = 14;
    public static final int FRA_FWMASK = 16;
    public static final int FRA_TABLE = 15;
    public static final int FRA_OIFNAME = 17;
    public static final int FRA_L3MDEV = 19;
    public static final int FRA_UID_RANGE = 20;
    public static final int FRA_PROTOCOL = 21;
    public static final int FRA_SPORT_RANGE = 23;
    public static final int FRA_DPORT_RANGE = 24;
    public static final int RT_TABLE_COMPAT = 252;
    public static final int RT_TABLE_MAIN = 254;
    /** keepalived's routing protocol number (iproute2's rt_protos: 18 keepalived). */
    public static final int RTPROT_KEEPALIVED = 18;
    public static final int RTN_UNICAST = 1;
    public static final int RTN_LOCAL = 2;
    public static final int RTN_BROADCAST = 3;
    public static final int RTN_ANYCAST = 4;
    public static final int RTN_MULTICAST = 5;
    public static final int RTN_BLACKHOLE = 6;
    public static final int RTN_UNREACHABLE = 7;
    public static final int RTN_PROHIBIT = 8;
    public static final int RTN_THROW = 9;
    public static final int RTN_NAT = 10;
    /** Route and rule multicast groups (rtnetlink(7)); a group n is bit {@code 1 << (n - 1)}. */
    public static final int RTMGRP_IPV4_ROUTE = 0x40;
    public static final int RTMGRP_IPV4_RULE = 0x80;
    public static final int RTMGRP_IPV6_ROUTE = 0x400;
    /** RTNLGRP_IPV6_RULE (19) has no RTMGRP_ constant. */
    public static final int RTMGRP_IPV6_RULE = 1 << (19 - 1);
    public static final int FR_ACT_TO_TBL = 1;
    public static final int FR_ACT_GOTO = 2;
    public static final int FR_ACT_NOP = 3;
    public static final int FR_ACT_BLACKHOLE = 6;
    public static final int FR_ACT_UNREACHABLE = 7;
    public static final int FR_ACT_PROHIBIT = 8;
    public static final int FIB_RULE_INVERT = 0x2;

    private RouteCodec() {
    }

    private static int requestFlags(boolean add) {
        return NetlinkCodec.NLM_F_REQUEST | NetlinkCodec.NLM_F_ACK
                | (add ? NetlinkCodec.NLM_F_CREATE | NetlinkCodec.NLM_F_EXCL : 0);
    }

    /** A table above 255 goes only in the 32-bit attribute; the byte says RT_TABLE_COMPAT (as iproute2). */
    private static byte tableByte(int table) {
        return (byte) (table < 256 ? table : RT_TABLE_COMPAT);
    }

    private static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    private static byte[] cstring(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(b, b.length + 1);
    }

    /** RTM_NEWROUTE (create, exclusive: EEXIST when present) or RTM_DELROUTE (ESRCH when absent). */
    public static byte[] route(boolean add, int seq, RouteSpec r) {
        int family = r.ipv4() ? NetlinkCodec.AF_INET : NetlinkCodec.AF_INET6;
        byte[] rtmsg = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                .put((byte) family).put((byte) r.prefixLength()).put((byte) 0).put((byte) r.tos())
                .put(tableByte(r.table())).put((byte) r.protocol()).put((byte) r.scope()).put((byte) r.type())
                .putInt(r.flags()).array();
        NetlinkCodec.Builder m = new NetlinkCodec.Builder(add ? RTM_NEWROUTE : RTM_DELROUTE, requestFlags(add), seq,
                rtmsg);
        m.attr(RTA_TABLE, u32(r.table()));
        if (r.prefixLength() > 0) {
            m.attr(RTA_DST, r.destination().getAddress());
        }
        if (r.gateway() != null) {
            m.attr(RTA_GATEWAY, r.gateway().getAddress());
        }
        if (r.preferredSource() != null) {
            m.attr(RTA_PREFSRC, r.preferredSource().getAddress());
        }
        if (r.oifIndex() > 0) {
            m.attr(RTA_OIF, u32(r.oifIndex()));
        }
        if (r.metric() != null) {
            m.attr(RTA_PRIORITY, u32(r.metric()));
        }
        if (add && (!r.metrics().isEmpty() || r.lockedMetrics() != 0)) {
            m.attr(RTA_METRICS, metrics(r));
        }
        if (!r.nexthops().isEmpty()) {
            m.attr(RTA_MULTIPATH, multipath(r));
        }
        return m.build();
    }

    /** Nested RTAX_* attributes, RTAX_LOCK first when any metric is locked (as iproute2). */
    private static byte[] metrics(RouteSpec r) {
        ByteBuffer b = ByteBuffer.allocate(8 * (r.metrics().size() + 1)).order(ByteOrder.nativeOrder());
        if (r.lockedMetrics() != 0) {
            b.putShort((short) 8).putShort((short) RTAX_LOCK).putInt(r.lockedMetrics());
        }
        r.metrics().forEach((k, v) -> b.putShort((short) 8).putShort((short) (int) k).putInt((int) (long) v));
        return Arrays.copyOf(b.array(), b.position());
    }

    /** struct rtnexthop (len, flags, hops = weight - 1, ifindex) each followed by its RTA_GATEWAY. */
    private static byte[] multipath(RouteSpec r) {
        ByteBuffer b = ByteBuffer.allocate(r.nexthops().size() * 32).order(ByteOrder.nativeOrder());
        for (RouteSpec.NextHop h : r.nexthops()) {
            byte[] gw = h.gateway() == null ? null : h.gateway().getAddress();
            int len = 8 + (gw == null ? 0 : NetlinkCodec.align(4 + gw.length));
            b.putShort((short) len).put((byte) h.flags()).put((byte) (h.weight() - 1)).putInt(h.oifIndex());
            if (gw != null) {
                b.putShort((short) (4 + gw.length)).putShort((short) RTA_GATEWAY).put(gw);
                b.position(b.position() + NetlinkCodec.align(4 + gw.length) - 4 - gw.length);
            }
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /** RTM_NEWRULE (create, exclusive: EEXIST when present) or RTM_DELRULE (ENOENT when absent). */
    public static byte[] rule(boolean add, int seq, RuleSpec r) {
        byte[] hdr = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                .put((byte) r.family()).put((byte) (r.to() == null ? 0 : r.toPrefixLength()))
                .put((byte) (r.from() == null ? 0 : r.fromPrefixLength())).put((byte) r.tos())
                .put(r.action() == FR_ACT_TO_TBL ? tableByte(r.table()) : 0).put((byte) 0).put((byte) 0)
                .put((byte) r.action()).putInt(r.invert() ? FIB_RULE_INVERT : 0).array();
        NetlinkCodec.Builder m = new NetlinkCodec.Builder(add ? RTM_NEWRULE : RTM_DELRULE, requestFlags(add), seq, hdr);
        if (r.from() != null) {
            m.attr(FRA_SRC, r.from().getAddress());
        }
        if (r.to() != null) {
            m.attr(FRA_DST, r.to().getAddress());
        }
        if (r.iifName() != null) {
            m.attr(FRA_IIFNAME, cstring(r.iifName()));
        }
        if (r.oifName() != null) {
            m.attr(FRA_OIFNAME, cstring(r.oifName()));
        }
        if (r.priority() != null) {
            m.attr(FRA_PRIORITY, u32(r.priority()));
        }
        if (r.action() == FR_ACT_TO_TBL && !r.l3mdev()) {
            m.attr(FRA_TABLE, u32(r.table()));
        }
        if (r.fwmark() != null) {
            m.attr(FRA_FWMARK, u32((int) (long) r.fwmark()));
        }
        if (r.fwmask() != null) {
            m.attr(FRA_FWMASK, u32((int) (long) r.fwmask()));
        }
        if (r.gotoTarget() != null) {
            m.attr(FRA_GOTO, u32((int) (long) r.gotoTarget()));
        }
        if (r.suppressPrefixLength() != null) {
            m.attr(FRA_SUPPRESS_PREFIXLEN, u32((int) (long) r.suppressPrefixLength()));
        }
        if (r.suppressIfGroup() != null) {
            m.attr(FRA_SUPPRESS_IFGROUP, u32((int) (long) r.suppressIfGroup()));
        }
        if (r.l3mdev()) {
            m.attr(FRA_L3MDEV, new byte[] {1});
        }
        if (r.uidRange() != null) {
            m.attr(FRA_UID_RANGE, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder())
                    .putInt((int) r.uidRange()[0]).putInt((int) r.uidRange()[1]).array());
        }
        if (r.sportRange() != null) {
            m.attr(FRA_SPORT_RANGE, portRange(r.sportRange()));
        }
        if (r.dportRange() != null) {
            m.attr(FRA_DPORT_RANGE, portRange(r.dportRange()));
        }
        if (r.protocol() != null) {
            m.attr(FRA_PROTOCOL, new byte[] {(byte) (int) r.protocol()});
        }
        return m.build();
    }

    private static byte[] portRange(int[] range) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putShort((short) range[0])
                .putShort((short) range[1]).array();
    }

    // ---------------------------------------------------------------- decoding (monitor)

    private static int u32At(byte[] v) {
        return v != null && v.length == 4 ? ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt() : -1;
    }

    private static InetAddress inet(byte[] raw, int family) {
        int expected = family == NetlinkCodec.AF_INET ? 4 : family == NetlinkCodec.AF_INET6 ? 16 : -1;
        if (raw == null || raw.length != expected) {
            return null;
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress any(int family) {
        return inet(new byte[family == NetlinkCodec.AF_INET ? 4 : 16], family);
    }

    /**
     * An RTM_DELROUTE as {@link NetlinkEvent.RouteRemoved}, or null for another message, a family other
     * than IPv4/IPv6, or a malformed one. The table is RTA_TABLE when present (tables above 255), else rtm_table.
     */
    public static NetlinkEvent.RouteRemoved routeRemoved(NetlinkCodec.Message m) {
        byte[] p = m.payload();
        if (m.type() != RTM_DELROUTE || p.length < 12) {
            return null;
        }
        int family = p[0] & 0xff;
        if (family != NetlinkCodec.AF_INET && family != NetlinkCodec.AF_INET6) {
            return null;
        }
        Map<Integer, byte[]> a = NetlinkCodec.attributes(p, 12);
        int prefix = p[1] & 0xff;
        InetAddress dst = a.containsKey(RTA_DST) ? inet(a.get(RTA_DST), family) : any(family);
        if (dst == null) {
            return null;
        }
        int table = a.containsKey(RTA_TABLE) ? u32At(a.get(RTA_TABLE)) : p[4] & 0xff;
        int metric = u32At(a.get(RTA_PRIORITY));
        return new NetlinkEvent.RouteRemoved(family, dst, prefix, table, p[7] & 0xff, p[5] & 0xff, p[3] & 0xff,
                metric < 0 ? null : metric, Math.max(0, u32At(a.get(RTA_OIF))), inet(a.get(RTA_GATEWAY), family));
    }

    /** An RTM_DELRULE as {@link NetlinkEvent.RuleRemoved}, or null (another message, family, malformed). */
    public static NetlinkEvent.RuleRemoved ruleRemoved(NetlinkCodec.Message m) {
        byte[] p = m.payload();
        if (m.type() != RTM_DELRULE || p.length < 12) {
            return null;
        }
        int family = p[0] & 0xff;
        if (family != NetlinkCodec.AF_INET && family != NetlinkCodec.AF_INET6) {
            return null;
        }
        Map<Integer, byte[]> a = NetlinkCodec.attributes(p, 12);
        int table = a.containsKey(FRA_TABLE) ? u32At(a.get(FRA_TABLE)) : p[4] & 0xff;
        int priority = u32At(a.get(FRA_PRIORITY));
        return new NetlinkEvent.RuleRemoved(family, priority < 0 ? null : priority, inet(a.get(FRA_SRC), family),
                p[2] & 0xff, inet(a.get(FRA_DST), family), p[1] & 0xff, p[7] & 0xff, table);
    }
}
