package org.jkeepalived.ipvs.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.NativeSocket;
import org.jkeepalived.ffi.Sockaddrs;
import org.jkeepalived.netlink.NetlinkCodec.Message;

/** An AF_NETLINK NETLINK_GENERIC socket: a request with its replies, or a pipelined batch with its acks. */
final class GenlSocket implements AutoCloseable {
    static final int NETLINK_GENERIC = 16;
    static final int ETIMEDOUT = 110;
    static final int REPLY_TIMEOUT_MILLIS = 5000;
    /** Dumps come in skbs of up to 32 KiB (netlink_dump); room to spare. */
    private static final int MAX_DATAGRAM = 128 * 1024;
    private static final int RECEIVE_BUFFER_BYTES = 1 << 20;

    private final NativeSocket socket;
    private final AtomicInteger seq = new AtomicInteger((int) (System.nanoTime() & 0xffff));

    private GenlSocket(NativeSocket socket) {
        this.socket = socket;
    }

    static GenlSocket open() throws IpvsException {
        NativeSocket s = null;
        try {
            s = NativeSocket.open(NativeSocket.AF_NETLINK, NativeSocket.SOCK_RAW, NETLINK_GENERIC, "genetlink");
            s.setInt(NativeSocket.SOL_SOCKET, NativeSocket.SO_RCVBUF, RECEIVE_BUFFER_BYTES, "SO_RCVBUF");
            s.bind(Sockaddrs.netlink(0, 0));
            return new GenlSocket(s);
        } catch (NativeException e) {
            if (s != null) {
                s.close();
            }
            throw IpvsException.io(e.getMessage(), e.errno(), e);
        }
    }

    int nextSeq() {
        return seq.incrementAndGet();
    }

    /**
     * Sends one request and returns the messages of its sequence number up to the ack or NLMSG_DONE; an
     * NLMSG_ERROR with an errno becomes {@link IpvsException#kernel} for {@code what}.
     */
    synchronized List<Message> request(byte[] message, int seqNo, String what) throws IpvsException {
        send(message);
        List<Message> replies = new ArrayList<>();
        long deadline = System.nanoTime() + REPLY_TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            for (Message m : receive(deadline, what)) {
                if (m.seq() != seqNo) {
                    continue;
                }
                if (m.type() == IpvsCodec.NLMSG_DONE) {
                    int errno = IpvsCodec.doneError(m);
                    if (errno != 0) {
                        throw IpvsException.kernel(what, errno);
                    }
                    return replies;
                }
                if (m.type() == IpvsCodec.NLMSG_ERROR) {
                    int errno = IpvsCodec.errorCode(m);
                    if (errno == 0) {
                        return replies;
                    }
                    throw IpvsException.kernel(what, errno);
                }
                replies.add(m);
            }
        }
    }

    /**
     * Sends acked requests back to back (several per datagram; the kernel handles each in turn and acks each)
     * and returns the errno of each, 0 for success, in the order given.
     */
    synchronized int[] batch(List<byte[]> messages, int[] seqs, String what) throws IpvsException {
        int[] result = new int[messages.size()];
        Map<Integer, Integer> pending = new HashMap<>();
        // Each ack is its own skb (about 1 KiB of truesize); 128 in flight stay far below the receive buffer
        // (SO_RCVBUF is capped at twice net.core.rmem_max, 416 KiB by default), so none is dropped.
        int maxBytes = 32 * 1024;
        int maxInFlight = 128;
        int i = 0;
        while (i < messages.size()) {
            int start = i;
            int bytes = 0;
            while (i < messages.size() && i - start < maxInFlight
                    && (i == start || bytes + messages.get(i).length <= maxBytes)) {
                bytes += messages.get(i).length;
                pending.put(seqs[i], i);
                i++;
            }
            byte[] datagram = new byte[bytes];
            int at = 0;
            for (int k = start; k < i; k++) {
                byte[] m = messages.get(k);
                System.arraycopy(m, 0, datagram, at, m.length);
                at += m.length;
            }
            send(datagram);
            long deadline = System.nanoTime() + REPLY_TIMEOUT_MILLIS * 1_000_000L;
            while (!pending.isEmpty()) {
                for (Message m : receive(deadline, what)) {
                    Integer index = m.type() == IpvsCodec.NLMSG_ERROR ? pending.remove(m.seq()) : null;
                    if (index != null) {
                        result[index] = IpvsCodec.errorCode(m);
                    }
                }
            }
        }
        return result;
    }

    private void send(byte[] message) throws IpvsException {
        try {
            socket.sendTo(message, Sockaddrs.netlink(0, 0));
        } catch (NativeException e) {
            throw IpvsException.io(e.getMessage(), e.errno(), e);
        }
    }

    private List<Message> receive(long deadline, String what) throws IpvsException {
        int left = (int) ((deadline - System.nanoTime()) / 1_000_000L);
        NativeSocket.Message d;
        try {
            d = left > 0 ? socket.receiveMessage(MAX_DATAGRAM, left) : null;
        } catch (NativeException e) {
            throw IpvsException.io(what + ": " + e.getMessage(), e.errno(), e);
        }
        if (d == null) {
            throw IpvsException.io(what + ": no reply from the kernel in " + REPLY_TIMEOUT_MILLIS + " ms", ETIMEDOUT,
                    null);
        }
        if (d.truncated()) {
            throw IpvsException.malformed(what + ": a reply of more than " + MAX_DATAGRAM + " bytes was truncated");
        }
        return IpvsCodec.split(d.data());
    }

    @Override
    public void close() {
        socket.close();
    }
}
