package org.jkeepalived.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jkeepalived.os.log.Log;

/**
 * The in-process event stream (architecture habit 6). {@link #publish} never blocks: each subscriber has its
 * own bounded queue and thread, so a slow subscriber (a mail server that hangs, a script that never ends)
 * delays only itself. A full queue drops the event for that subscriber and counts it. Each subscriber sees
 * events in publication order.
 */
public final class EventBus implements AutoCloseable {
    /** Per-subscriber queue length: far more than a mass failover of every instance produces. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Log log;
    private volatile boolean closed;

    public EventBus(Log log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Adds a subscriber served by its own daemon thread named {@code event-NAME}. */
    public Subscription subscribe(String name, Consumer<? super Event> handler) {
        return subscribe(name, handler, DEFAULT_CAPACITY);
    }

    public Subscription subscribe(String name, Consumer<? super Event> handler, int capacity) {
        Subscriber s = new Subscriber(name, handler, capacity);
        subscribers.add(s);
        s.thread.start();
        return s;
    }

    /** Hands {@code event} to every subscriber's queue; never blocks, never throws. */
    public void publish(Event event) {
        if (closed || event == null) {
            return;
        }
        for (Subscriber s : subscribers) {
            // Keep the last slot for the stop marker.
            if (s.queue.remainingCapacity() <= 1 || !s.queue.offer(event)) {
                s.dropped.incrementAndGet();
            }
        }
    }

    /** Delivers what is queued (up to {@code waitMillis} in all), then stops every subscriber thread. */
    @Override
    public void close() {
        close(2_000);
    }

    public void close(long waitMillis) {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        for (Subscriber s : subscribers) {
            s.stopAfterQueue();
        }
        for (Subscriber s : subscribers) {
            try {
                s.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            s.thread.interrupt();
        }
        subscribers.clear();
    }

    /** A subscriber's counters, for the management plane. */
    public interface Subscription {
        String name();

        /** Events dropped because this subscriber's queue was full. */
        long dropped();

        /** Events its handler threw on (logged, then skipped). */
        long failed();

        /** Events handled. */
        long delivered();
    }

    private final class Subscriber implements Subscription {
        private static final Event STOP = new Event.TrackerChanged("", "", false, 0);
        final String name;
        final Consumer<? super Event> handler;
        final BlockingQueue<Event> queue;
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        final Thread thread;

        Subscriber(String name, Consumer<? super Event> handler, int capacity) {
            this.name = Objects.requireNonNull(name, "name");
            this.handler = Objects.requireNonNull(handler, "handler");
            this.queue = new ArrayBlockingQueue<>(capacity + 1);
            this.thread = new Thread(this::run, "event-" + name);
            this.thread.setDaemon(true);
        }

        void stopAfterQueue() {
            queue.offer(STOP); // the +1 slot: always room for it
        }

        private void run() {
            while (true) {
                Event e;
                try {
                    e = queue.take();
                } catch (InterruptedException ex) {
                    return;
                }
                if (e == STOP) {
                    return;
                }
                try {
                    handler.accept(e);
                    delivered.incrementAndGet();
                } catch (RuntimeException ex) {
                    failed.incrementAndGet();
                    log.error("event subscriber " + name + ": " + ex);
                }
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long dropped() {
            return dropped.get();
        }

        @Override
        public long failed() {
            return failed.get();
        }

        @Override
        public long delivered() {
            return delivered.get();
        }
    }
}
