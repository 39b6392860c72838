package org.jkeepalived.vrrp.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jkeepalived.net.Received;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.netlink.NetlinkMonitor;
import org.jkeepalived.os.log.Log;

/**
 * The {@link VrrpEngine}'s receiver threads (one per socket, blocking in recvmsg) and its netlink thread:
 * they only enqueue into the loop's inbox. A full inbox drops a packet (counted); a netlink event waits
 * for room, since a lost link event would leave an instance in the wrong state.
 */
/** The receiver threads (one per socket) and the netlink thread: they only enqueue into the inbox. */
final class Receivers {
    /** How long a receive or netlink poll blocks before it looks at the running flag again. */
    static final int RECEIVE_SLICE_MILLIS = 200;

    private final BlockingQueue<EngineEvent> inbox;
    private final AtomicLong overflows;
    private final Log log;
    private final BooleanSupplier running;
    private final Supplier<VrrpEngine.ThreadTuner> tuner;
    private final List<Thread> threads = new ArrayList<>();

    Receivers(BlockingQueue<EngineEvent> inbox, AtomicLong overflows, Log log, BooleanSupplier running,
              Supplier<VrrpEngine.ThreadTuner> tuner) {
        this.inbox = inbox;
        this.overflows = overflows;
        this.log = log;
        this.running = running;
        this.tuner = tuner;
    }

    synchronized void start(Channel c) {
        spawn(() -> receive(c), "vrrp-rx-" + c.spec.ifName() + "-" + c.spec.source().getHostAddress(),
                Thread.MAX_PRIORITY);
    }

    synchronized void startMonitor(NetlinkMonitor monitor) {
        spawn(() -> monitor(monitor), "vrrp-netlink", Thread.NORM_PRIORITY);
    }

    private void spawn(Runnable body, String name, int priority) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.setPriority(priority);
        threads.add(t);
        t.start();
    }

    void join(long millisEach) {
        List<Thread> all;
        synchronized (this) {
            all = List.copyOf(threads);
        }
        for (Thread t : all) {
            try {
                t.join(millisEach);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void receive(Channel c) {
        tuner.get().tune(Thread.currentThread().getName());
        while (running.getAsBoolean() && !c.retired) {
            try {
                Received r = c.socket.receive(RECEIVE_SLICE_MILLIS);
                if (r != null && running.getAsBoolean() && !inbox.offer(new EngineEvent.Packet(c, r))) {
                    overflows.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                if (!running.getAsBoolean() || c.retired) {
                    break;
                }
                log.error("VRRP receive on " + c.spec.ifName() + " failed: " + e.getMessage());
                pause();
            }
        }
        if (c.retired) {
            // Closed here, by its only reader, so no receive can touch a reused descriptor. A retired
            // channel is out of the channel map, so stop() does not close it a second time.
            c.socket.close();
        }
    }

    private void monitor(NetlinkMonitor monitor) {
        tuner.get().tune(Thread.currentThread().getName());
        while (running.getAsBoolean()) {
            try {
                for (NetlinkEvent e : monitor.poll(RECEIVE_SLICE_MILLIS)) {
                    inbox.put(new EngineEvent.LinkChange(e)); // netlink events must not be lost: wait for room
                }
            } catch (NetlinkException | RuntimeException e) {
                if (!running.getAsBoolean()) {
                    return;
                }
                log.error("netlink monitor failed: " + e.getMessage());
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
