package org.jkeepalived.notify.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A scripted {@link MailTransport}: fails as told, records what it was given, can hold the sender. */
final class FakeMailTransport implements MailTransport {
    private final Deque<MailSendException> failures = new ArrayDeque<>();
    private final List<MailMessage> attempts = new ArrayList<>();
    private final List<MailMessage> delivered = new ArrayList<>();
    private volatile CountDownLatch gate;
    private final AtomicInteger entered = new AtomicInteger();

    /** The next {@code times} sends fail with {@code failure}. */
    synchronized FakeMailTransport failNext(int times, MailSendException.Failure failure) {
        for (int i = 0; i < times; i++) {
            failures.add(new MailSendException(failure, "scripted failure"));
        }
        return this;
    }

    /** Every send waits until {@link #release()}. */
    FakeMailTransport hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    void release() {
        CountDownLatch g = gate;
        if (g != null) {
            g.countDown();
        }
    }

    @Override
    public void send(MailMessage message) throws MailSendException {
        entered.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MailSendException(MailSendException.Failure.OTHER, "interrupted");
            }
        }
        MailSendException failure;
        synchronized (this) {
            attempts.add(message);
            failure = failures.poll();
            if (failure == null) {
                delivered.add(message);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Calls of {@link #send} so far, including one still held. */
    int entered() {
        return entered.get();
    }

    synchronized List<MailMessage> attempts() {
        return List.copyOf(attempts);
    }

    synchronized List<MailMessage> delivered() {
        return List.copyOf(delivered);
    }
}
