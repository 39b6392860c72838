package org.jkeepalived.check.ping;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
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
 * caller's network namespace at construction; sockets for {@code bindto}/{@code bind_if} on first use.
 */
public final class PingLoop implements AutoCloseable {
    private static final Log LOG = Log.get("check");
    private static final int IPPROTO_ICMP = 1;
    private static final int IPPROTO_ICMPV6 = 58;
    private static final int MAX_REPLY = 1500;
    private static final int SLICE_MILLIS = 100;
    private static final byte[] DATA = "jkeepalived-ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Map<Source, Family> families = new HashMap<>();
    // one sequence space for all sockets: raw sockets each see every echo reply, so a reply must not match
    // another socket's pending echo to the same target
    private final AtomicInteger sequence =
            new AtomicInteger((int) (System.nanoTime() & 0xffff));
    private boolean closed;

    /** Opens the unbound IPv4 and IPv6 sockets now, in the caller's network namespace. */
    public PingLoop() {
        families.put(new Source(false, null, null), Family.open(false, null, null, sequence));
        families.put(new Source(true, null, null), Family.open(true, null, null, sequence));
    }

    /** The socket a checker's echoes leave from: family, {@code bindto} and {@code bind_if} (null: unset). */
    private record Source(boolean ipv6, InetAddress bindto, String bindIf) {
    }

    /** {@link #echo(InetAddress, InetAddress, String, long)} from the unbound socket. */
    public CompletableFuture<String> echo(InetAddress target, long timeoutMillis) {
        return echo(target, null, null, timeoutMillis);
    }

    /**
     * Sends one echo request to {@code target}; the future completes with null on a reply, else with why
     * not (no reply within {@code timeoutMillis}, a send error, no socket). Never completes exceptionally.
     * With {@code bindto} or {@code bindIf}, the echo leaves from a socket bound to them, opened on first
     * use (in the caller's network namespace) and shared by the checkers that name the same ones.
     */
    public CompletableFuture<String> echo(InetAddress target, InetAddress bindto, String bindIf, long timeoutMillis) {
        boolean ipv6 = target instanceof Inet6Address;
        Family f;
        synchronized (families) {
            if (closed) {
                return CompletableFuture.completedFuture("checker stopped");
            }
            f = families.computeIfAbsent(new Source(ipv6, bindto, bindIf),
                    s -> Family.open(ipv6, bindto, bindIf, sequence));
        }
        if (f.socket == null) {
            return CompletableFuture.completedFuture("no ICMP socket: " + f.openError);
        }
        return f.send(target, timeoutMillis);
    }

    @Override
    public void close() {
        synchronized (families) {
            closed = true;
            families.values().forEach(Family::close);
        }
    }

    private static final class Family implements Runnable {
        final boolean ipv6;
        final NativeSocket socket;
        final boolean raw;
        final String openError;
        final Map<Integer, Pending> pending = new HashMap<>();
        final Thread thread;
        final AtomicInteger sequence;
        volatile boolean closed;

        private Family(boolean ipv6, NativeSocket socket, boolean raw, String openError,
                AtomicInteger sequence) {
            this.ipv6 = ipv6;
            this.socket = socket;
            this.raw = raw;
            this.openError = openError;
            this.sequence = sequence;
            this.thread = new Thread(this, ipv6 ? "check-ping6" : "check-ping");
            this.thread.setDaemon(true);
            if (socket != null) {
                thread.start();
            }
        }

        static Family open(boolean ipv6, InetAddress bindto, String bindIf,
                AtomicInteger sequence) {
            int domain = ipv6 ? NativeSocket.AF_INET6 : NativeSocket.AF_INET;
            int proto = ipv6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
            NativeSocket s = null;
            boolean raw = false;
            try {
                try {
                    s = NativeSocket.open(domain, NativeSocket.SOCK_DGRAM, proto, "ping");
                } catch (NativeException e) {
                    if (e.errno() != Errno.EACCES && e.errno() != Errno.EPERM) {
                        throw e;
                    }
                    s = NativeSocket.open(domain, NativeSocket.SOCK_RAW, proto, "ping raw");
                    raw = true;
                }
                if (bindIf != null) {
                    s.bindToDevice(bindIf);
                }
                if (bindto != null) {
                    s.bind(Sockaddrs.inet(bindto, 0, 0));
                }
                return new Family(ipv6, s, raw, null, sequence);
            } catch (NativeException | RuntimeException e) {
                if (s != null) {
                    s.close();
                }
                LOG.warn("PING_CHECK: cannot open an ICMP" + (ipv6 ? "v6" : "") + " socket"
                        + (bindto != null ? " from " + bindto.getHostAddress() : "")
                        + (bindIf != null ? " on " + bindIf : "") + ": " + e.getMessage());
                return new Family(ipv6, null, false, e.getMessage(), sequence);
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
                seq = sequence.incrementAndGet() & 0xffff;
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
