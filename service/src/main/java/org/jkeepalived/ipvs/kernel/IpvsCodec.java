package org.jkeepalived.ipvs.kernel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jkeepalived.netlink.NetlinkCodec.Message;

/**
 * Pure encoding and decoding of the generic netlink messages of IPVS ({@code linux/ip_vs.h}) and of the genl
 * controller's CTRL_CMD_GETFAMILY ({@code linux/genetlink.h}). A message is a 16-byte nlmsghdr, a 4-byte genlmsghdr
 * (cmd, version, reserved) and attributes; all in host byte order except ports and IPv4 masks. No I/O; decoding
 * never throws anything but {@link IpvsException} with a reason.
 */
public final class IpvsCodec {
    static final int NLMSG_HDRLEN = 16;
    static final int GENL_HDRLEN = 4;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_MULTI = 0x2;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_DUMP = 0x300;
    /** The genl controller's fixed family id (GENL_ID_CTRL = NLMSG_MIN_TYPE). */
    public static final int GENL_ID_CTRL = 0x10;
    static final int CTRL_CMD_NEWFAMILY = 1;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;
    public static final String IPVS_GENL_NAME = "IPVS";
    static final int IPVS_GENL_VERSION = 1;

    static final int CMD_NEW_SERVICE = 1;
    static final int CMD_SET_SERVICE = 2;
    static final int CMD_DEL_SERVICE = 3;
    static final int CMD_GET_SERVICE = 4;
    static final int CMD_NEW_DEST = 5;
    static final int CMD_SET_DEST = 6;
    static final int CMD_DEL_DEST = 7;
    static final int CMD_GET_DEST = 8;
    static final int CMD_NEW_DAEMON = 9;
    static final int CMD_DEL_DAEMON = 10;
    static final int CMD_GET_DAEMON = 11;
    static final int CMD_SET_CONFIG = 12;
    static final int CMD_GET_CONFIG = 13;
    static final int CMD_SET_INFO = 14;
    static final int CMD_GET_INFO = 15;
    static final int CMD_ZERO = 16;
    static final int CMD_FLUSH = 17;

    static final int CMD_ATTR_SERVICE = 1;
    static final int CMD_ATTR_DEST = 2;
    static final int CMD_ATTR_DAEMON = 3;
    static final int CMD_ATTR_TIMEOUT_TCP = 4;
    static final int CMD_ATTR_TIMEOUT_TCP_FIN = 5;
    static final int CMD_ATTR_TIMEOUT_UDP = 6;

    static final int SVC_ATTR_AF = 1;
    static final int SVC_ATTR_PROTOCOL = 2;
    static final int SVC_ATTR_ADDR = 3;
    static final int SVC_ATTR_PORT = 4;
    static final int SVC_ATTR_FWMARK = 5;
    static final int SVC_ATTR_SCHED_NAME = 6;
    static final int SVC_ATTR_FLAGS = 7;
    static final int SVC_ATTR_TIMEOUT = 8;
    static final int SVC_ATTR_NETMASK = 9;
    static final int SVC_ATTR_STATS = 10;
    static final int SVC_ATTR_PE_NAME = 11;
    static final int SVC_ATTR_STATS64 = 12;

    static final int DEST_ATTR_ADDR = 1;
    static final int DEST_ATTR_PORT = 2;
    static final int DEST_ATTR_FWD_METHOD = 3;
    static final int DEST_ATTR_WEIGHT = 4;
    static final int DEST_ATTR_U_THRESH = 5;
    static final int DEST_ATTR_L_THRESH = 6;
    static final int DEST_ATTR_ACTIVE_CONNS = 7;
    static final int DEST_ATTR_INACT_CONNS = 8;
    static final int DEST_ATTR_PERSIST_CONNS = 9;
    static final int DEST_ATTR_STATS = 10;
    static final int DEST_ATTR_ADDR_FAMILY = 11;
    static final int DEST_ATTR_STATS64 = 12;
    static final int DEST_ATTR_TUN_TYPE = 13;
    static final int DEST_ATTR_TUN_PORT = 14;
    static final int DEST_ATTR_TUN_FLAGS = 15;

    static final int DAEMON_ATTR_STATE = 1;
    static final int DAEMON_ATTR_MCAST_IFN = 2;
    static final int DAEMON_ATTR_SYNC_ID = 3;
    static final int DAEMON_ATTR_SYNC_MAXLEN = 4;
    static final int DAEMON_ATTR_MCAST_GROUP = 5;
    static final int DAEMON_ATTR_MCAST_GROUP6 = 6;
    static final int DAEMON_ATTR_MCAST_PORT = 7;
    static final int DAEMON_ATTR_MCAST_TTL = 8;

    static final int STATS_ATTR_CONNS = 1;
    static final int STATS_ATTR_INPKTS = 2;
    static final int STATS_ATTR_OUTPKTS = 3;
    static final int STATS_ATTR_INBYTES = 4;
    static final int STATS_ATTR_OUTBYTES = 5;
    static final int STATS_ATTR_CPS = 6;
    static final int STATS_ATTR_INPPS = 7;
    static final int STATS_ATTR_OUTPPS = 8;
    static final int STATS_ATTR_INBPS = 9;
    static final int STATS_ATTR_OUTBPS = 10;

    static final int INFO_ATTR_VERSION = 1;
    static final int INFO_ATTR_CONN_TAB_SIZE = 2;

    private static final int ADDR_BYTES = 16;
    private static final int IFNAME_MAX_BYTES = 15;

    private IpvsCodec() {
    }

    // ---------------------------------------------------------------- requests

    /** A genl request: nlmsghdr, genlmsghdr, then the attributes {@code body} writes. */
    static byte[] request(int family, int flags, int seq, int cmd, int version, NlAttributes.Writer body) {
        NlAttributes.Writer w = new NlAttributes.Writer();
        ByteBuffer h = ByteBuffer.allocate(NLMSG_HDRLEN + GENL_HDRLEN).order(ByteOrder.nativeOrder());
        h.putInt(0).putShort((short) family).putShort((short) flags).putInt(seq).putInt(0)
                .put((byte) cmd).put((byte) version).putShort((short) 0);
        w.raw(h.array());
        if (body != null) {
            w.raw(body.toArray());
        }
        w.putInt(0, w.position());
        return w.toArray();
    }

    private static byte[] acked(int family, int seq, int cmd, NlAttributes.Writer body) {
        return request(family, NLM_F_REQUEST | NLM_F_ACK, seq, cmd, IPVS_GENL_VERSION, body);
    }

    /** CTRL_CMD_GETFAMILY for "IPVS" to the genl controller. */
    public static byte[] getFamily(int seq) {
        return request(GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK, seq, CTRL_CMD_GETFAMILY, 1,
                new NlAttributes.Writer().string(CTRL_ATTR_FAMILY_NAME, IPVS_GENL_NAME));
    }

    public static byte[] getInfo(int family, int seq) {
        return acked(family, seq, CMD_GET_INFO, null);
    }

    public static byte[] newService(int family, int seq, IpvsService s) {
        return acked(family, seq, CMD_NEW_SERVICE, service(new NlAttributes.Writer(), s));
    }

    public static byte[] setService(int family, int seq, IpvsService s) {
        return acked(family, seq, CMD_SET_SERVICE, service(new NlAttributes.Writer(), s));
    }

    public static byte[] delService(int family, int seq, IpvsServiceKey k) {
        NlAttributes.Writer w = new NlAttributes.Writer();
        return acked(family, seq, CMD_DEL_SERVICE, w.end(key(w, w.begin(CMD_ATTR_SERVICE), k)));
    }

    /** GET_SERVICE as a dump of every service. */
    public static byte[] getServices(int family, int seq) {
        return request(family, NLM_F_REQUEST | NLM_F_DUMP, seq, CMD_GET_SERVICE, IPVS_GENL_VERSION, null);
    }

    /** GET_DEST as a dump of the destinations of one service. */
    public static byte[] getDestinations(int family, int seq, IpvsServiceKey k) {
        NlAttributes.Writer w = new NlAttributes.Writer();
        w.end(key(w, w.begin(CMD_ATTR_SERVICE), k));
        return request(family, NLM_F_REQUEST | NLM_F_DUMP, seq, CMD_GET_DEST, IPVS_GENL_VERSION, w);
    }

    public static byte[] newDestination(int family, int seq, IpvsServiceKey k, IpvsDestination d) {
        return acked(family, seq, CMD_NEW_DEST, destination(k, d, true));
    }

    public static byte[] setDestination(int family, int seq, IpvsServiceKey k, IpvsDestination d) {
        return acked(family, seq, CMD_SET_DEST, destination(k, d, true));
    }

    /** DEL_DEST: only the destination's address and port name it (with its family). */
    public static byte[] delDestination(int family, int seq, IpvsServiceKey k, IpvsDestination d) {
        return acked(family, seq, CMD_DEL_DEST, destination(k, d, false));
    }

    public static byte[] newDaemon(int family, int seq, IpvsSyncDaemon d) {
        NlAttributes.Writer w = new NlAttributes.Writer();
        int at = w.begin(CMD_ATTR_DAEMON);
        w.u32(DAEMON_ATTR_STATE, d.state().code()).string(DAEMON_ATTR_MCAST_IFN, d.interfaceName())
                .u32(DAEMON_ATTR_SYNC_ID, d.syncId());
        if (d.maxLength() != 0) {
            w.u16(DAEMON_ATTR_SYNC_MAXLEN, d.maxLength());
        }
        if (d.group() != null) {
            w.attr(d.groupIsIpv4() ? DAEMON_ATTR_MCAST_GROUP : DAEMON_ATTR_MCAST_GROUP6, d.group().getAddress());
        }
        if (d.port() != 0) {
            w.u16(DAEMON_ATTR_MCAST_PORT, d.port());
        }
        if (d.ttl() != 0) {
            w.u8(DAEMON_ATTR_MCAST_TTL, d.ttl());
        }
        return acked(family, seq, CMD_NEW_DAEMON, w.end(at));
    }

    public static byte[] delDaemon(int family, int seq, IpvsSyncDaemon.State state) {
        NlAttributes.Writer w = new NlAttributes.Writer();
        int at = w.begin(CMD_ATTR_DAEMON);
        w.u32(DAEMON_ATTR_STATE, state.code());
        return acked(family, seq, CMD_DEL_DAEMON, w.end(at));
    }

    /** GET_DAEMON as a dump (one message per running daemon). */
    public static byte[] getDaemons(int family, int seq) {
        return request(family, NLM_F_REQUEST | NLM_F_DUMP, seq, CMD_GET_DAEMON, IPVS_GENL_VERSION, null);
    }

    /** SET_CONFIG with the three timeouts; a 0 is sent as 0, which the kernel reads as "leave as is". */
    public static byte[] setTimeouts(int family, int seq, IpvsTimeouts t) {
        NlAttributes.Writer w = new NlAttributes.Writer().u32(CMD_ATTR_TIMEOUT_TCP, t.tcpSeconds())
                .u32(CMD_ATTR_TIMEOUT_TCP_FIN, t.tcpFinSeconds()).u32(CMD_ATTR_TIMEOUT_UDP, t.udpSeconds());
        return acked(family, seq, CMD_SET_CONFIG, w);
    }

    public static byte[] getTimeouts(int family, int seq) {
        return acked(family, seq, CMD_GET_CONFIG, null);
    }

    public static byte[] flush(int family, int seq) {
        return acked(family, seq, CMD_FLUSH, null);
    }

    /** ZERO without a service: every counter; with one: that service's and its destinations'. */
    public static byte[] zero(int family, int seq, IpvsServiceKey k) {
        NlAttributes.Writer w = null;
        if (k != null) {
            w = new NlAttributes.Writer();
            w.end(key(w, w.begin(CMD_ATTR_SERVICE), k));
        }
        return acked(family, seq, CMD_ZERO, w);
    }

    /** The service identity attributes, in ipvsadm's order; returns the nest offset for the caller to close. */
    private static int key(NlAttributes.Writer w, int nest, IpvsServiceKey k) {
        w.u16(SVC_ATTR_AF, k.addressFamily());
        if (k.isFwmark()) {
            w.u32(SVC_ATTR_FWMARK, k.fwmark());
        } else {
            w.u16(SVC_ATTR_PROTOCOL, k.protocol().number()).attr(SVC_ATTR_ADDR, address16(k.address()))
                    .be16(SVC_ATTR_PORT, k.port());
        }
        return nest;
    }

    private static NlAttributes.Writer service(NlAttributes.Writer w, IpvsService s) {
        int at = key(w, w.begin(CMD_ATTR_SERVICE), s.key());
        w.string(SVC_ATTR_SCHED_NAME, s.scheduler());
        if (s.persistenceEngine() != null) {
            w.string(SVC_ATTR_PE_NAME, s.persistenceEngine());
        }
        // struct ip_vs_flags {flags, mask}: a full mask, so the kernel takes every bit as given.
        w.attr(SVC_ATTR_FLAGS, ByteBuffer.allocate(8).order(ByteOrder.nativeOrder())
                .putInt(s.flags() & ~IpvsService.HASHED).putInt(-1).array());
        w.u32(SVC_ATTR_TIMEOUT, s.timeoutSeconds());
        w.attr(SVC_ATTR_NETMASK, netmask(s.key().addressFamily(), s.netmaskPrefixLength()));
        return w.end(at);
    }

    /** IPv4: the mask, network order (/24 is ff ff ff 00); IPv6: the prefix length as a host-order u32. */
    static byte[] netmask(int af, int prefix) {
        if (af == IpvsAddressFamily.INET) {
            int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
            return ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(mask).array();
        }
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(prefix).array();
    }

    private static NlAttributes.Writer destination(IpvsServiceKey k, IpvsDestination d, boolean full) {
        NlAttributes.Writer w = new NlAttributes.Writer();
        w.end(key(w, w.begin(CMD_ATTR_SERVICE), k));
        int at = w.begin(CMD_ATTR_DEST);
        w.u16(DEST_ATTR_ADDR_FAMILY, d.addressFamily()).attr(DEST_ATTR_ADDR, address16(d.address()))
                .be16(DEST_ATTR_PORT, d.port());
        if (full) {
            w.u32(DEST_ATTR_FWD_METHOD, d.forwarding().code()).u32(DEST_ATTR_WEIGHT, d.weight())
                    .u32(DEST_ATTR_U_THRESH, d.upperThreshold()).u32(DEST_ATTR_L_THRESH, d.lowerThreshold());
            // Tunnel attributes only when they say something: kernels before 5.2 do not know them.
            if (d.forwarding() == IpvsForwarding.TUNNEL && (d.tunnelType() != IpvsDestination.TunnelType.IPIP
                    || d.tunnelPort() != 0 || d.tunnelFlags() != 0)) {
                w.u8(DEST_ATTR_TUN_TYPE, d.tunnelType().ordinal()).be16(DEST_ATTR_TUN_PORT, d.tunnelPort())
                        .u16(DEST_ATTR_TUN_FLAGS, d.tunnelFlags());
            }
        }
        return w.end(at);
    }

    /** An address as union nf_inet_addr (16 bytes, IPv4 in the first 4), as ipvsadm and the kernel send it. */
    private static byte[] address16(InetAddress a) {
        return Arrays.copyOf(a.getAddress(), ADDR_BYTES);
    }

    // ---------------------------------------------------------------- replies

    /** The messages of one datagram; a header whose length does not fit is an error, not a silent stop. */
    public static List<Message> split(byte[] datagram) throws IpvsException {
        List<Message> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder());
        int pos = 0;
        while (pos < datagram.length) {
            if (datagram.length - pos < NLMSG_HDRLEN) {
                throw IpvsException.malformed((datagram.length - pos) + " trailing bytes, too short for a header");
            }
            int len = b.getInt(pos);
            if (len < NLMSG_HDRLEN || len > datagram.length - pos) {
                throw IpvsException.malformed("message at offset " + pos + " claims " + Integer.toUnsignedString(len)
                        + " bytes, " + (datagram.length - pos) + " left");
            }
            out.add(new Message(Short.toUnsignedInt(b.getShort(pos + 4)), Short.toUnsignedInt(b.getShort(pos + 6)),
                    b.getInt(pos + 8), b.getInt(pos + 12),
                    Arrays.copyOfRange(datagram, pos + NLMSG_HDRLEN, pos + len)));
            pos += Math.min(NlAttributes.align(len), datagram.length - pos);
        }
        return out;
    }

    /** The errno of an NLMSG_ERROR (0 for an ack); a message of another type is an error. */
    public static int errorCode(Message m) throws IpvsException {
        if (m.type() != NLMSG_ERROR) {
            throw IpvsException.malformed("expected NLMSG_ERROR, got type " + m.type());
        }
        if (m.payload().length < 4 + NLMSG_HDRLEN) {
            throw IpvsException.malformed("NLMSG_ERROR of " + m.payload().length + " bytes, at least 20 expected");
        }
        return -ByteBuffer.wrap(m.payload()).order(ByteOrder.nativeOrder()).getInt(0);
    }

    /** The error a dump ends with: NLMSG_DONE carries an int, negative when the dump failed; 0 when it has none. */
    public static int doneError(Message m) throws IpvsException {
        if (m.type() != NLMSG_DONE) {
            throw IpvsException.malformed("expected NLMSG_DONE, got type " + m.type());
        }
        if (m.payload().length < 4) {
            return 0;
        }
        return -ByteBuffer.wrap(m.payload()).order(ByteOrder.nativeOrder()).getInt(0);
    }

    /** The attributes after the genl header of a message of {@code family} carrying {@code cmd}. */
    private static NlAttributes genl(Message m, int family, int cmd, String what) throws IpvsException {
        if (m.type() != family) {
            throw IpvsException.malformed(what + ": message type " + m.type() + ", expected family " + family);
        }
        byte[] p = m.payload();
        if (p.length < GENL_HDRLEN) {
            throw IpvsException.malformed(what + ": " + p.length + " bytes, too short for the genl header");
        }
        int c = p[0] & 0xff;
        if (c != cmd) {
            throw IpvsException.malformed(what + ": genl command " + c + ", expected " + cmd);
        }
        return NlAttributes.parse(p, GENL_HDRLEN, p.length, what);
    }

    /** The IPVS family id of a CTRL_CMD_NEWFAMILY reply; a reply naming another family is an error. */
    public static int familyId(Message m) throws IpvsException {
        NlAttributes a = genl(m, GENL_ID_CTRL, CTRL_CMD_NEWFAMILY, "CTRL_CMD_NEWFAMILY");
        if (a.has(CTRL_ATTR_FAMILY_NAME)) {
            String name = a.string(CTRL_ATTR_FAMILY_NAME, "CTRL_ATTR_FAMILY_NAME", 15);
            if (!IPVS_GENL_NAME.equals(name)) {
                throw IpvsException.malformed("CTRL_CMD_NEWFAMILY: family '" + name + "', expected IPVS");
            }
        }
        int id = a.u16(CTRL_ATTR_FAMILY_ID, "CTRL_ATTR_FAMILY_ID");
        if (id < GENL_ID_CTRL) {
            throw IpvsException.malformed("CTRL_CMD_NEWFAMILY: family id " + id);
        }
        return id;
    }

    public static IpvsInfo info(Message m, int family) throws IpvsException {
        NlAttributes a = genl(m, family, CMD_SET_INFO, "IPVS_CMD_SET_INFO");
        return new IpvsInfo(a.u32(INFO_ATTR_VERSION, "IPVS_INFO_ATTR_VERSION"),
                a.u32(INFO_ATTR_CONN_TAB_SIZE, "IPVS_INFO_ATTR_CONN_TAB_SIZE"));
    }

    public static IpvsTimeouts timeouts(Message m, int family) throws IpvsException {
        NlAttributes a = genl(m, family, CMD_SET_CONFIG, "IPVS_CMD_SET_CONFIG");
        int tcp = a.u32(CMD_ATTR_TIMEOUT_TCP, "IPVS_CMD_ATTR_TIMEOUT_TCP");
        int fin = a.u32(CMD_ATTR_TIMEOUT_TCP_FIN, "IPVS_CMD_ATTR_TIMEOUT_TCP_FIN");
        int udp = a.u32(CMD_ATTR_TIMEOUT_UDP, "IPVS_CMD_ATTR_TIMEOUT_UDP");
        if (tcp < 0 || fin < 0 || udp < 0) {
            throw IpvsException.malformed("IPVS_CMD_SET_CONFIG: negative timeout");
        }
        return new IpvsTimeouts(tcp, fin, udp);
    }

    /** One service of a GET_SERVICE dump (IPVS_CMD_NEW_SERVICE); the kernel's HASHED flag is left out. */
    public static IpvsServiceEntry service(Message m, int family) throws IpvsException {
        NlAttributes s = genl(m, family, CMD_NEW_SERVICE, "IPVS_CMD_NEW_SERVICE")
                .nested(CMD_ATTR_SERVICE, "IPVS_CMD_ATTR_SERVICE");
        int af = s.u16(SVC_ATTR_AF, "IPVS_SVC_ATTR_AF");
        if (af != IpvsAddressFamily.INET && af != IpvsAddressFamily.INET6) {
            throw IpvsException.malformed("IPVS_SVC_ATTR_AF " + af + " is neither AF_INET nor AF_INET6");
        }
        IpvsServiceKey key;
        int fwmark = s.has(SVC_ATTR_FWMARK) ? s.u32(SVC_ATTR_FWMARK, "IPVS_SVC_ATTR_FWMARK") : 0;
        if (fwmark != 0) {
            key = IpvsServiceKey.fwmark(af, fwmark);
        } else {
            int proto = s.u16(SVC_ATTR_PROTOCOL, "IPVS_SVC_ATTR_PROTOCOL");
            IpvsProtocol p = IpvsProtocol.of(proto);
            if (p == null) {
                throw IpvsException.malformed("IPVS_SVC_ATTR_PROTOCOL " + proto + " is not TCP, UDP or SCTP");
            }
            key = new IpvsServiceKey(af, p, address(s.bytes(SVC_ATTR_ADDR), af, "IPVS_SVC_ATTR_ADDR"),
                    s.be16(SVC_ATTR_PORT, "IPVS_SVC_ATTR_PORT"), 0);
        }
        byte[] f = s.bytes(SVC_ATTR_FLAGS);
        if (f == null || f.length != 8) {
            throw IpvsException.malformed("IPVS_SVC_ATTR_FLAGS "
                    + (f == null ? "missing" : f.length + " bytes, expected 8"));
        }
        int flags = ByteBuffer.wrap(f).order(ByteOrder.nativeOrder()).getInt(0) & ~IpvsService.HASHED;
        String sched = s.string(SVC_ATTR_SCHED_NAME, "IPVS_SVC_ATTR_SCHED_NAME", IpvsService.NAME_MAX_BYTES);
        String pe = s.has(SVC_ATTR_PE_NAME)
                ? s.string(SVC_ATTR_PE_NAME, "IPVS_SVC_ATTR_PE_NAME", IpvsService.NAME_MAX_BYTES) : null;
        int timeout = s.u32(SVC_ATTR_TIMEOUT, "IPVS_SVC_ATTR_TIMEOUT");
        int prefix = prefix(s.bytes(SVC_ATTR_NETMASK), af);
        IpvsStats stats = stats(s, SVC_ATTR_STATS, SVC_ATTR_STATS64, "IPVS_SVC_ATTR_STATS");
        try {
            return new IpvsServiceEntry(new IpvsService(key, sched, flags, timeout, prefix,
                    pe == null || pe.isEmpty() ? null : pe), stats);
        } catch (IllegalArgumentException e) {
            throw IpvsException.malformed("IPVS_CMD_NEW_SERVICE: " + e.getMessage());
        }
    }

    /**
     * One destination of a GET_DEST dump (IPVS_CMD_NEW_DEST); {@code serviceFamily} is the address family when the
     * kernel predates IPVS_DEST_ATTR_ADDR_FAMILY.
     */
    public static IpvsDestinationEntry destination(Message m, int family, int serviceFamily) throws IpvsException {
        NlAttributes d = genl(m, family, CMD_NEW_DEST, "IPVS_CMD_NEW_DEST").nested(CMD_ATTR_DEST, "IPVS_CMD_ATTR_DEST");
        int af = d.has(DEST_ATTR_ADDR_FAMILY)
                ? d.u16(DEST_ATTR_ADDR_FAMILY, "IPVS_DEST_ATTR_ADDR_FAMILY") : serviceFamily;
        if (af != IpvsAddressFamily.INET && af != IpvsAddressFamily.INET6) {
            throw IpvsException.malformed("IPVS_DEST_ATTR_ADDR_FAMILY " + af + " is neither AF_INET nor AF_INET6");
        }
        InetAddress addr = address(d.bytes(DEST_ATTR_ADDR), af, "IPVS_DEST_ATTR_ADDR");
        int fwd = d.u32(DEST_ATTR_FWD_METHOD, "IPVS_DEST_ATTR_FWD_METHOD");
        IpvsForwarding forwarding = IpvsForwarding.of(fwd);
        if (forwarding == null) {
            throw IpvsException.malformed("IPVS_DEST_ATTR_FWD_METHOD " + fwd + " unknown");
        }
        IpvsDestination.TunnelType tun = IpvsDestination.TunnelType.IPIP;
        if (d.has(DEST_ATTR_TUN_TYPE)) {
            int t = d.u8(DEST_ATTR_TUN_TYPE, "IPVS_DEST_ATTR_TUN_TYPE");
            if (t >= IpvsDestination.TunnelType.values().length) {
                throw IpvsException.malformed("IPVS_DEST_ATTR_TUN_TYPE " + t + " unknown");
            }
            tun = IpvsDestination.TunnelType.values()[t];
        }
        int tunPort = d.has(DEST_ATTR_TUN_PORT) ? d.be16(DEST_ATTR_TUN_PORT, "IPVS_DEST_ATTR_TUN_PORT") : 0;
        int tunFlags = d.has(DEST_ATTR_TUN_FLAGS) ? d.u16(DEST_ATTR_TUN_FLAGS, "IPVS_DEST_ATTR_TUN_FLAGS") : 0;
        int weight = d.u32(DEST_ATTR_WEIGHT, "IPVS_DEST_ATTR_WEIGHT");
        if (weight < 0) {
            throw IpvsException.malformed("IPVS_DEST_ATTR_WEIGHT " + weight + " negative");
        }
        IpvsDestination dest = new IpvsDestination(addr, d.be16(DEST_ATTR_PORT, "IPVS_DEST_ATTR_PORT"), forwarding,
                weight, d.u32(DEST_ATTR_U_THRESH, "IPVS_DEST_ATTR_U_THRESH"),
                d.u32(DEST_ATTR_L_THRESH, "IPVS_DEST_ATTR_L_THRESH"), tun, tunPort, tunFlags);
        return new IpvsDestinationEntry(dest, d.u32(DEST_ATTR_ACTIVE_CONNS, "IPVS_DEST_ATTR_ACTIVE_CONNS"),
                d.u32(DEST_ATTR_INACT_CONNS, "IPVS_DEST_ATTR_INACT_CONNS"),
                d.u32(DEST_ATTR_PERSIST_CONNS, "IPVS_DEST_ATTR_PERSIST_CONNS"),
                stats(d, DEST_ATTR_STATS, DEST_ATTR_STATS64, "IPVS_DEST_ATTR_STATS"));
    }

    /** One daemon of a GET_DAEMON dump (IPVS_CMD_NEW_DAEMON). */
    public static IpvsSyncDaemon daemon(Message m, int family) throws IpvsException {
        NlAttributes d = genl(m, family, CMD_NEW_DAEMON, "IPVS_CMD_NEW_DAEMON")
                .nested(CMD_ATTR_DAEMON, "IPVS_CMD_ATTR_DAEMON");
        int code = d.u32(DAEMON_ATTR_STATE, "IPVS_DAEMON_ATTR_STATE");
        IpvsSyncDaemon.State state = IpvsSyncDaemon.State.of(code);
        if (state == null) {
            throw IpvsException.malformed("IPVS_DAEMON_ATTR_STATE " + code + " is neither master nor backup");
        }
        String ifn = d.string(DAEMON_ATTR_MCAST_IFN, "IPVS_DAEMON_ATTR_MCAST_IFN", IFNAME_MAX_BYTES);
        int syncId = d.u32(DAEMON_ATTR_SYNC_ID, "IPVS_DAEMON_ATTR_SYNC_ID");
        int maxLen = d.has(DAEMON_ATTR_SYNC_MAXLEN)
                ? d.u16(DAEMON_ATTR_SYNC_MAXLEN, "IPVS_DAEMON_ATTR_SYNC_MAXLEN") : 0;
        InetAddress group = null;
        if (d.has(DAEMON_ATTR_MCAST_GROUP)) {
            group = address(d.bytes(DAEMON_ATTR_MCAST_GROUP), IpvsAddressFamily.INET, "IPVS_DAEMON_ATTR_MCAST_GROUP");
        } else if (d.has(DAEMON_ATTR_MCAST_GROUP6)) {
            group = address(d.bytes(DAEMON_ATTR_MCAST_GROUP6), IpvsAddressFamily.INET6,
                    "IPVS_DAEMON_ATTR_MCAST_GROUP6");
        }
        int port = d.has(DAEMON_ATTR_MCAST_PORT) ? d.u16(DAEMON_ATTR_MCAST_PORT, "IPVS_DAEMON_ATTR_MCAST_PORT") : 0;
        int ttl = d.has(DAEMON_ATTR_MCAST_TTL) ? d.u8(DAEMON_ATTR_MCAST_TTL, "IPVS_DAEMON_ATTR_MCAST_TTL") : 0;
        try {
            return new IpvsSyncDaemon(state, ifn, syncId, maxLen, group, port, ttl);
        } catch (IllegalArgumentException e) {
            throw IpvsException.malformed("IPVS_CMD_NEW_DAEMON: " + e.getMessage());
        }
    }

    /** Stats from the 64-bit nest when present, else the older one; none at all reads as zero. */
    private static IpvsStats stats(NlAttributes parent, int type32, int type64, String name) throws IpvsException {
        NlAttributes s;
        if (parent.has(type64)) {
            s = parent.nested(type64, name + "64");
        } else if (parent.has(type32)) {
            s = parent.nested(type32, name);
        } else {
            return IpvsStats.ZERO;
        }
        return new IpvsStats(s.counter(STATS_ATTR_CONNS, "CONNS"), s.counter(STATS_ATTR_INPKTS, "INPKTS"),
                s.counter(STATS_ATTR_OUTPKTS, "OUTPKTS"), s.counter(STATS_ATTR_INBYTES, "INBYTES"),
                s.counter(STATS_ATTR_OUTBYTES, "OUTBYTES"), s.counter(STATS_ATTR_CPS, "CPS"),
                s.counter(STATS_ATTR_INPPS, "INPPS"), s.counter(STATS_ATTR_OUTPPS, "OUTPPS"),
                s.counter(STATS_ATTR_INBPS, "INBPS"), s.counter(STATS_ATTR_OUTBPS, "OUTBPS"));
    }

    /** An address attribute: exactly the family's length, or the 16 bytes of union nf_inet_addr. */
    private static InetAddress address(byte[] v, int af, String name) throws IpvsException {
        int n = IpvsAddressFamily.addressLength(af);
        if (v == null) {
            throw IpvsException.malformed(name + " missing");
        }
        if (v.length != n && v.length != ADDR_BYTES) {
            throw IpvsException.malformed(name + " has " + v.length + " bytes, expected " + n + " or 16");
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOf(v, n));
        } catch (UnknownHostException e) {
            throw IpvsException.malformed(name + ": " + e.getMessage());
        }
    }

    private static int prefix(byte[] v, int af) throws IpvsException {
        if (v == null || v.length != 4) {
            throw IpvsException.malformed("IPVS_SVC_ATTR_NETMASK "
                    + (v == null ? "missing" : v.length + " bytes, expected 4"));
        }
        if (af == IpvsAddressFamily.INET6) {
            int p = ByteBuffer.wrap(v).order(ByteOrder.nativeOrder()).getInt();
            if (p < 0 || p > 128) {
                throw IpvsException.malformed("IPVS_SVC_ATTR_NETMASK /" + p + " for IPv6");
            }
            return p;
        }
        int mask = ByteBuffer.wrap(v).order(ByteOrder.BIG_ENDIAN).getInt();
        int p = Integer.bitCount(mask);
        if (mask != (p == 0 ? 0 : -1 << (32 - p))) {
            throw IpvsException.malformed("IPVS_SVC_ATTR_NETMASK " + Integer.toHexString(mask) + " is not contiguous");
        }
        return p;
    }
}
