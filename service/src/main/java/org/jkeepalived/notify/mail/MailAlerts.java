package org.jkeepalived.notify.mail;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.event.Event;
import org.jkeepalived.os.log.Log;

/**
 * keepalived's SMTP alerts (f.3) as an event-bus subscriber. {@link #accept} only formats the mail and queues
 * it; one sender thread ({@code mail-sender}) holds each SMTP conversation, so neither the VRRP loop nor the
 * bus ever waits for a mail server. Failed mail is retried with {@link RetryPolicy}'s bounded back-off and
 * every outcome is counted ({@link #counters()}).
 */
public final class MailAlerts implements Consumer<Event>, AutoCloseable {
    /** Mails waiting or being retried at most; a mass failover of every instance queues far fewer. */
    public static final int QUEUE_CAPACITY = 1000;
    /** How long {@link #close()} waits for a conversation in progress. */
    public static final long CLOSE_WAIT_MILLIS = 2_000;

    /**
     * A snapshot of the mail counters, for the management plane.
     *
     * @param queued         mails accepted into the queue since start
     * @param sent           mails the server accepted
     * @param failedAttempts SMTP conversations that failed (each attempt of each mail)
     * @param retried        failed attempts followed by a scheduled retry
     * @param abandoned      mails given up after their last attempt
     * @param dropped        mails not queued because the queue was full
     * @param pending        mails waiting, retrying or in flight now
     */
    public record Counters(long queued, long sent, long failedAttempts, long retried, long abandoned, long dropped,
                           int pending) {
    }

    private final MailTransport transport;
    private final Clock clock;
    private final Log log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Outbox outbox;
    private final Thread sender;
    private volatile MailSettings settings;
    private boolean closed;
    private long queued;
    private long sent;
    private long failedAttempts;
    private long retried;
    private long abandoned;
    private long dropped;

    private MailAlerts(MailSettings settings, MailTransport transport, RetryPolicy policy, int capacity,
                       Clock clock, Log log) {
        this.settings = settings;
        this.transport = transport;
        this.clock = clock;
        this.log = log;
        this.outbox = new Outbox(capacity, policy);
        this.sender = new Thread(this::run, "mail-sender");
        sender.setDaemon(true);
    }

    /** Mail alerts for {@code global} over real SMTP, with the sender thread started. */
    public static MailAlerts start(GlobalDefs global) {
        return start(MailSettings.from(global), new JakartaMailTransport(), RetryPolicy.DEFAULT, QUEUE_CAPACITY,
                Clock.systemDefaultZone(), Log.get("mail"));
    }

    /** Mail alerts with every collaborator given (tests), with the sender thread started. */
    public static MailAlerts start(MailSettings settings, MailTransport transport, RetryPolicy policy, int capacity,
                                   Clock clock, Log log) {
        MailAlerts alerts = new MailAlerts(settings, transport, policy, capacity, clock, log);
        // load the formatting classes now rather than on the bus thread at the first alert
        MailFormat.format(new Event.VrrpStateChanged(new Event.Target(Event.TargetType.INSTANCE, "warm-up", null, true,
                false), Event.NotifyState.MASTER, 0, "warm-up"), settings, ZonedDateTime.now(clock));
        alerts.sender.start();
        return alerts;
    }

    /** Queues the mail for {@code event}, if keepalived would send one; never blocks on the network. */
    @Override
    public void accept(Event event) {
        Optional<MailMessage> mail = MailFormat.format(event, settings, ZonedDateTime.now(clock));
        if (mail.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (!outbox.offer(mail.get(), clock.millis())) {
                dropped++;
                log.warn("SMTP alert queue full (" + outbox.size() + "), dropping: " + mail.get().subject());
                return;
            }
            queued++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A reload: mail queued from now on uses the new router_id, addresses and server. */
    public void update(GlobalDefs global) {
        update(MailSettings.from(global));
    }

    /** As {@link #update(GlobalDefs)}, with the settings already derived. */
    public void update(MailSettings newSettings) {
        settings = newSettings;
    }

    /** The current counters. */
    public Counters counters() {
        lock.lock();
        try {
            return new Counters(queued, sent, failedAttempts, retried, abandoned, dropped, outbox.size());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the sender: queued mail not yet sent is given up (keepalived's own alerts do not outlive it either).
     * Waits at most {@link #CLOSE_WAIT_MILLIS} for a conversation in progress.
     */
    @Override
    public void close() {
        int unsent;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            sender.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            sender.interrupt();
        }
        lock.lock();
        try {
            unsent = outbox.size();
        } finally {
            lock.unlock();
        }
        if (unsent > 0) {
            log.warn("Stopping with " + unsent + " SMTP alert(s) not sent");
        }
    }

    private void run() {
        while (true) {
            Outbox.Entry entry;
            lock.lock();
            try {
                Optional<Outbox.Entry> due = Optional.empty();
                while (!closed && (due = outbox.takeDue(clock.millis())).isEmpty()) {
                    long waitMillis = outbox.millisUntilDue(clock.millis());
                    if (waitMillis < 0) {
                        changed.await();
                    } else {
                        changed.await(Math.max(1, waitMillis), TimeUnit.MILLISECONDS);
                    }
                }
                if (closed) {
                    return;
                }
                entry = due.get();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            attempt(entry);
        }
    }

    private void attempt(Outbox.Entry entry) {
        MailMessage mail = entry.message;
        MailSendException failure = null;
        try {
            transport.send(mail);
        } catch (MailSendException e) {
            failure = e;
        } catch (RuntimeException e) {
            // a transport bug must not end the sender thread
            failure = new MailSendException(MailSendException.Failure.OTHER, e.toString());
        }
        Outbox.AfterFailure after;
        lock.lock();
        try {
            if (closed && failure != null) {
                return;   // interrupted by close(): already reported as not sent
            }
            if (failure == null) {
                outbox.sent(entry);
                sent++;
                after = null;
            } else {
                failedAttempts++;
                after = outbox.failed(entry, clock.millis(), failure.permanent());
                if (after.abandoned()) {
                    abandoned++;
                } else {
                    retried++;
                }
            }
        } finally {
            lock.unlock();
        }
        if (failure == null) {
            log.info("SMTP alert successfully sent.");
            return;
        }
        log.error(failure.logLine(mail.serverText()));
        if (after.abandoned()) {
            log.error("SMTP alert \"" + mail.subject() + "\" abandoned after " + after.failedAttempts()
                    + " attempt(s)");
        } else {
            log.warn("SMTP alert \"" + mail.subject() + "\" will be retried in " + after.retryInMillis()
                    + " ms (attempt " + after.failedAttempts() + " failed)");
        }
    }
}
