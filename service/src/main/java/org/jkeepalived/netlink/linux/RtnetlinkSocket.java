package org.jkeepalived.netlink.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.NativeSocket;
import org.jkeepalived.ffi.Sockaddrs;
import org.jkeepalived.netlink.NetlinkCodec;
import org.jkeepalived.netlink.NetlinkException;

/** An AF_NETLINK NETLINK_ROUTE socket: requests with their replies, or group datagrams. */
final class RtnetlinkSocket implements AutoCloseable {
    static final int NETLINK_ROUTE = 0;
    static final int ETIMEDOUT = 110;
    private static final int MAX_DATAGRAM = 65536;
    static final int REPLY_TIMEOUT_MILLIS = 5000;

    private final NativeSocket socket;
    private final AtomicInteger seq = new AtomicInteger((int) (System.nanoTime() & 0xffff));

    private RtnetlinkSocket(NativeSocket socket) {
        this.socket = socket;
    }

    /** Opens and binds the socket in the calling thread's namespace, subscribed to {@code groups}. */
    static RtnetlinkSocket open(int groups, int receiveBufferBytes) throws NetlinkException {
        NativeSocket s = null;
        try {
            s = NativeSocket.open(NativeSocket.AF_NETLINK, NativeSocket.SOCK_RAW, NETLINK_ROUTE, "rtnetlink");
            if (receiveBufferBytes > 0) {
                s.setInt(NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, receiveBufferBytes, "SO_RCVBUF");
            }
            s.bind(Sockaddrs.netlink(0, groups));
            return new RtnetlinkSocket(s);
        } catch (NativeException e) {
            if (s != null) {
                s.close();
            }
            throw wrap(e);
        }
    }

    static NetlinkException wrap(NativeException e) {
        return new NetlinkException(e.getMessage(), e.errno(), e);
    }

    int nextSeq() {
        return seq.incrementAndGet();
    }

    /**
     * Sends a request and collects the reply messages of its sequence number until the ack
     * (NLMSG_ERROR with 0) or NLMSG_DONE; a negative error becomes a NetlinkException naming it.
     */
    synchronized List<NetlinkCodec.Message> request(byte[] message, int seqNo, String what) throws NetlinkException {
        List<NetlinkCodec.Message> replies = new ArrayList<>();
        try {
            socket.sendTo(message, Sockaddrs.netlink(0, 0));
            long deadline = System.nanoTime() + REPLY_TIMEOUT_MILLIS * 1_000_000L;
            while (true) {
                int left = (int) ((deadline - System.nanoTime()) / 1_000_000L);
                NativeSocket.Message d = left > 0 ? socket.receiveMessage(MAX_DATAGRAM, left) : null;
                if (d == null) {
                    throw new NetlinkException(what + ": no reply from the kernel", ETIMEDOUT, null);
                }
                for (NetlinkCodec.Message m : NetlinkCodec.split(d.data())) {
                    if (m.seq() != seqNo) {
                        continue;
                    }
                    if (m.type() == NetlinkCodec.NLMSG_DONE) {
                        return replies;
                    }
                    if (m.type() == NetlinkCodec.NLMSG_ERROR) {
                        int errno = NetlinkCodec.errorCode(m);
                        if (errno == 0) {
                            return replies;
                        }
                        throw new NetlinkException(what + ": " + Errno.describe(errno), errno, null);
                    }
                    replies.add(m);
                }
            }
        } catch (NativeException e) {
            throw wrap(e);
        }
    }

    /** The next datagram, or null on timeout or close. */
    NativeSocket.Message receive(int timeoutMillis) throws NativeException {
        return socket.receiveMessage(MAX_DATAGRAM, timeoutMillis);
    }

    @Override
    public void close() {
        socket.close();
    }
}
