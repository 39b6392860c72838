package org.jkeepalived.ffi;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's process-events connector (NETLINK_CONNECTOR, CN_IDX_PROC; linux/cn_proc.h): one message per
 * fork, exec, comm change and exit of every task on the machine, as keepalived's vrrp_track_process uses it.
 * Needs CAP_NET_ADMIN, and the connector exists only in the initial network namespace: elsewhere
 * subscribing fails with ECONNREFUSED (keepalived 2.2.7 logs "Failed to set/clear process event listen -
 * errno 111" and its counts stay 0 there, observed).
 *
 * <p>Events of threads (pid != tgid) are dropped here; callers see processes only.
 */
public final class ProcConnector implements Closeable {
    static final int NETLINK_CONNECTOR = 11;
    static final int CN_IDX_PROC = 1;
    static final int CN_VAL_PROC = 1;
    static final int PROC_CN_MCAST_LISTEN = 1;
    static final int NLMSG_DONE = 3;
    static final int NLMSG_HDRLEN = 16;
    static final int CN_MSG_LEN = 20;
    /** Where proc_event.event_data starts: nlmsghdr, cn_msg, then what/cpu/timestamp_ns (16 bytes). */
    static final int EVENT_DATA = NLMSG_HDRLEN + CN_MSG_LEN + 16;

    static final int PROC_EVENT_FORK = 0x1;
    static final int PROC_EVENT_EXEC = 0x2;
    static final int PROC_EVENT_COMM = 0x200;
    static final int PROC_EVENT_EXIT = 0x80000000;

    /** A process event (threads excluded). */
    public sealed interface Event {
        int pid();
    }

    /** A new process {@code pid}, a copy of {@code parentPid} (same comm and cmdline until it execs). */
    public record Fork(int parentPid, int pid) implements Event {
    }

    public record Exec(int pid) implements Event {
    }

    public record Comm(int pid, String comm) implements Event {
    }

    public record Exit(int pid) implements Event {
    }

    private final NativeSocket socket;

    private ProcConnector(NativeSocket socket) {
        this.socket = socket;
    }

    /** Opens the socket, joins the proc group and subscribes (PROC_CN_MCAST_LISTEN). */
    public static ProcConnector open(int receiveBufferBytes) throws NativeException {
        NativeSocket s = NativeSocket.open(NativeSocket.AF_NETLINK, NativeSocket.SOCK_DGRAM, NETLINK_CONNECTOR,
                "proc connector");
        try {
            if (receiveBufferBytes > 0) {
                s.setInt(NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, receiveBufferBytes, "SO_RCVBUF");
            }
            s.bind(Sockaddrs.netlink(0, CN_IDX_PROC));
            s.sendTo(listenMessage(), Sockaddrs.netlink(0, 0));
            return new ProcConnector(s);
        } catch (NativeException e) {
            s.close();
            throw e;
        }
    }

    /** nlmsghdr + cn_msg {idx PROC, val PROC, len 4} + PROC_CN_MCAST_LISTEN. */
    static byte[] listenMessage() {
        int len = NLMSG_HDRLEN + CN_MSG_LEN + 4;
        return ByteBuffer.allocate(len).order(ByteOrder.nativeOrder())
                .putInt(len).putShort((short) NLMSG_DONE).putShort((short) 0).putInt(0).putInt(0)
                .putInt(CN_IDX_PROC).putInt(CN_VAL_PROC).putInt(0).putInt(0).putShort((short) 4).putShort((short) 0)
                .putInt(PROC_CN_MCAST_LISTEN).array();
    }

    /**
     * Waits up to {@code timeoutMillis} for a datagram and returns its events (empty on timeout or when
     * closed). A NativeException with {@link Errno#ENOBUFS} means events were lost: rescan /proc.
     */
    public List<Event> receive(int timeoutMillis) throws NativeException {
        NativeSocket.Message m = socket.receiveMessage(8192, timeoutMillis);
        return m == null ? List.of() : parse(m.data());
    }

    /** The process events of one datagram (one or more netlink messages). Pure. */
    static List<Event> parse(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
        List<Event> out = new ArrayList<>();
        int off = 0;
        while (off + NLMSG_HDRLEN <= data.length) {
            int len = b.getInt(off);
            if (len < NLMSG_HDRLEN || off + len > data.length) {
                break;
            }
            int idx = b.getInt(off + NLMSG_HDRLEN);
            int d = off + EVENT_DATA;
            if (idx == CN_IDX_PROC && len >= EVENT_DATA + 8) {
                int what = b.getInt(off + NLMSG_HDRLEN + CN_MSG_LEN);
                Event e = event(b, what, d, off + len);
                if (e != null) {
                    out.add(e);
                }
            }
            off += (len + 3) & ~3;
        }
        return out;
    }

    private static Event event(ByteBuffer b, int what, int d, int end) {
        int pid = b.getInt(d);
        int tgid = b.getInt(d + 4);
        switch (what) {
            case PROC_EVENT_FORK -> {
                if (d + 16 > end) {
                    return null;
                }
                int parentTgid = b.getInt(d + 4);
                int childPid = b.getInt(d + 8);
                int childTgid = b.getInt(d + 12);
                return childPid == childTgid ? new Fork(parentTgid, childPid) : null;
            }
            case PROC_EVENT_EXEC -> {
                return pid == tgid ? new Exec(pid) : null;
            }
            case PROC_EVENT_COMM -> {
                if (pid != tgid || d + 24 > end) {
                    return null;
                }
                byte[] c = new byte[16];
                b.get(d + 8, c);
                int n = 0;
                while (n < c.length && c[n] != 0) {
                    n++;
                }
                return new Comm(pid, new String(c, 0, n, StandardCharsets.UTF_8));
            }
            case PROC_EVENT_EXIT -> {
                return pid == tgid ? new Exit(pid) : null;
            }
            default -> {
                return null;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
