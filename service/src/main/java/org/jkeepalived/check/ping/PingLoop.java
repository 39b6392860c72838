package org.jkeepalived.check.ping;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jkeepalived.ffi.Errno;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.NativeSocket;
import org.jkeepalived.ffi.Sockaddrs;
import org.jkeepalived.os.log.Log;

/**
 * One ICMP socket and one receive thread per address family, shared by every PING_CHECK: each echo gets
 * its own sequence number, and a reply is matched by sequence and source address. A ping socket
 * ({@code socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)}) is tried first; where net.ipv4.ping_group_range
 * excludes us (the default "1 0" in a fresh namespace) a raw socket is used, which needs CAP_NET_RAW.
 * keepalived widens ping_group_range instead; we leave the sysctl alone. The sockets are opened in the
 * caller's network namespace at construction.
 */
public final class PingLoop implements AutoCloseable {
    private static final Log LOG = Log.get("check");
    private static final int IPPROTO_ICMP = 1;
    private static final int IPPROTO_ICMPV6 = 58;
    private static final int MAX_REPLY = 1500;
    private static final int SLICE_MILLIS = 100;
    private static final byte[] DATA = "jkeepalived-ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Family v4;
    private final Family v6;

    public PingLoop() {
        this.v4 = Family.open(false);
        this.v6 = Family.open(true);
    }

    /**
     * Sends one echo request to {@code target}; the future completes with null on a reply, else with why
     * not (no reply within {@code timeoutMillis}, a send error, no socket). Never completes exceptionally.
     */
    public CompletableFuture<String> echo(InetAddress target, long timeoutMillis) {
        Family f = target instanceof Inet6Address ? v6 : v4;
        if (f.socket == null) {
            return CompletableFuture.completedFuture("no ICMP socket: " + f.openError);
        }
        return f.send(target, timeoutMillis);
    }

    @Override
    public void close() {
        v4.close();
        v6.close();
    }

    private static final class Family implements Runnable {
        final boolean ipv6;
        final NativeSocket socket;
        final boolean raw;
        final String openError;
        final Map<Integer, Pending> pending = new HashMap<>();
        final Thread thread;
        int nextSeq;
        volatile boolean closed;

        private Family(boolean ipv6, NativeSocket socket, boolean raw, String openError) {
            this.ipv6 = ipv6;
            this.socket = socket;
            this.raw = raw;
            this.openError = openError;
            this.nextSeq = (int) (System.nanoTime() & 0xffff);
            this.thread = new Thread(this, ipv6 ? "check-ping6" : "check-ping");
            this.thread.setDaemon(true);
            if (socket != null) {
                thread.start();
            }
        }

        static Family open(boolean ipv6) {
            int domain = ipv6 ? NativeSocket.AF_INET6 : NativeSocket.AF_INET;
            int proto = ipv6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
            try {
                return new Family(ipv6, NativeSocket.open(domain, NativeSocket.SOCK_DGRAM, proto, "ping"), false, null);
            } catch (NativeException e) {
                if (e.errno() != Errno.EACCES && e.errno() != Errno.EPERM) {
                    return new Family(ipv6, null, false, e.getMessage());
                }
            }
            try {
                return new Family(ipv6, NativeSocket.open(domain, NativeSocket.SOCK_RAW, proto, "ping raw"), true,
                        null);
            } catch (NativeException e) {
                LOG.warn("PING_CHECK: cannot open an ICMP" + (ipv6 ? "v6" : "") + " socket: " + e.getMessage());
                return new Family(ipv6, null, false, e.getMessage());
            }
        }

        CompletableFuture<String> send(InetAddress target, long timeoutMillis) {
            CompletableFuture<String> result = new CompletableFuture<>();
            int seq;
            synchronized (this) {
                if (closed) {
                    result.complete("checker stopped");
                    return result;
                }
                seq = nextSeq = (nextSeq + 1) & 0xffff;
                Pending old = pending.put(seq, new Pending(target, result,
                        System.nanoTime() + timeoutMillis * 1_000_000L));
                if (old != null) { // 65536 echoes in flight: the oldest loses its slot
                    old.result.complete("no reply (sequence reused)");
                }
            }
            // with a ping socket the kernel sets the identifier; on a raw one it is ours to filter on
            byte[] request = IcmpEcho.request(ipv6, identifier(), seq, DATA);
            try {
                socket.sendTo(request, Sockaddrs.inet(target, 0, 0));
            } catch (NativeException e) {
                synchronized (this) {
                    pending.remove(seq);
                }
                result.complete("send failed: " + e.getMessage());
            }
            return result;
        }

        private static int identifier() {
            return (int) (ProcessHandle.current().pid() & 0xffff);
        }

        @Override
        public void run() {
            while (!closed) {
                try {
                    NativeSocket.Message m = socket.receiveMessage(MAX_REPLY, SLICE_MILLIS);
                    if (m != null) {
                        deliver(m);
                    }
                } catch (NativeException e) {
                    if (!closed) {
                        LOG.warn("PING_CHECK: receive failed: " + e.getMessage());
                    }
                }
                expire();
            }
            synchronized (this) {
                pending.values().forEach(p -> p.result.complete("checker stopped"));
                pending.clear();
            }
        }

        private void deliver(NativeSocket.Message m) {
            IcmpEcho.Reply r = IcmpEcho.parseReply(m.data(), ipv6, raw);
            if (r == null || (raw && r.id() != identifier())) {
                return;
            }
            InetAddress from = Sockaddrs.parseInet(m.sockaddr());
            Pending p;
            synchronized (this) {
                p = pending.get(r.seq());
                if (p == null || !p.target.equals(from)) {
                    return;
                }
                pending.remove(r.seq());
            }
            p.result.complete(null);
        }

        private void expire() {
            long now = System.nanoTime();
            synchronized (this) {
                for (Iterator<Pending> it = pending.values().iterator(); it.hasNext();) {
                    Pending p = it.next();
                    if (now - p.deadlineNanos >= 0) {
                        it.remove();
                        p.result.complete("no echo reply within the connect timeout");
                    }
                }
            }
        }

        void close() {
            closed = true;
            if (socket != null) {
                socket.close();
                try {
                    thread.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private record Pending(InetAddress target, CompletableFuture<String> result, long deadlineNanos) {
    }
}
