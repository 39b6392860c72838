package org.jkeepalived.netlink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** In-memory {@link NetlinkMonitor}: {@link #post} queues events, {@link #poll} hands them out. */
public final class FakeNetlinkMonitor implements NetlinkMonitor {
    private final LinkedBlockingQueue<NetlinkEvent> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    public void post(NetlinkEvent event) {
        queue.add(event);
    }

    /** Blocks for the first event up to the timeout, then takes whatever else is queued. */
    @Override
    public List<NetlinkEvent> poll(int timeoutMillis) {
        if (closed) {
            return List.of();
        }
        List<NetlinkEvent> out = new ArrayList<>();
        try {
            NetlinkEvent first = timeoutMillis < 0 ? queue.take() : queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (first != null) {
                out.add(first);
                queue.drainTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
    }
}
