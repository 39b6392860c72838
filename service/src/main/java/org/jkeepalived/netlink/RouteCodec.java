package org.jkeepalived.netlink;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
    public static final int RTA_TABLE = 15;
    public static final int FRA_DST = 1;
    public static final int FRA_SRC = 2;
    public static final int FRA_IIFNAME = 3;
    public static final int FRA_PRIORITY = 6;
    public static final int FRA_TABLE = 15;
    public static final int FRA_OIFNAME = 17;
    public static final int RT_TABLE_COMPAT = 252;
    public static final int RT_TABLE_MAIN = 254;
    /** keepalived's routing protocol number (iproute2's rt_protos: 18 keepalived). */
    public static final int RTPROT_KEEPALIVED = 18;
    public static final int RTN_UNICAST = 1;
    public static final int RTN_BLACKHOLE = 6;
    public static final int RTN_UNREACHABLE = 7;
    public static final int RTN_PROHIBIT = 8;
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
        int family = r.destination() instanceof Inet4Address ? NetlinkCodec.AF_INET : NetlinkCodec.AF_INET6;
        byte[] rtmsg = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                .put((byte) family).put((byte) r.prefixLength()).put((byte) 0).put((byte) 0)
                .put(tableByte(r.table())).put((byte) r.protocol()).put((byte) r.scope()).put((byte) r.type())
                .putInt(0).array();
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
        return m.build();
    }

    /** RTM_NEWRULE (create, exclusive: EEXIST when present) or RTM_DELRULE (ENOENT when absent). */
    public static byte[] rule(boolean add, int seq, RuleSpec r) {
        byte[] hdr = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
                .put((byte) r.family()).put((byte) (r.to() == null ? 0 : r.toPrefixLength()))
                .put((byte) (r.from() == null ? 0 : r.fromPrefixLength())).put((byte) 0)
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
        if (r.action() == FR_ACT_TO_TBL) {
            m.attr(FRA_TABLE, u32(r.table()));
        }
        return m.build();
    }
}
