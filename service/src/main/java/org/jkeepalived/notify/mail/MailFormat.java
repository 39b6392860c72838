package org.jkeepalived.notify.mail;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jkeepalived.event.Event;
import org.jkeepalived.event.Event.NotifyState;
import org.jkeepalived.event.Event.TargetType;

/**
 * Builds keepalived's VRRP alert mails (f.3), observed from keepalived 2.2.7 against a recording SMTP sink:
 * <pre>
 * Date: Wed, 25 Nov 2026 16:21:39 +0000
 * From: kx@example.com
 * Subject: [mlxr] VRRP Instance VI_1 - Entering MASTER state
 * X-Mailer: Keepalived
 * To: a@example.com, Bob &lt;b@example.com&gt;
 *
 * =&gt; VRRP Instance is now owning VRRP VIPs &lt;=
 * </pre>
 * Observed rules: BACKUP and FAULT say "is no longer owning"; a group says
 * {@code => All VRRP group instances are now in STATE state <=}; an instance removed by a reload mails as
 * "Entering FAULT state" and a removed group mails nothing; nothing is mailed at shutdown (STOP).
 * Pure: the date is passed in.
 */
public final class MailFormat {
    /** keepalived's {@code %a, %d %b %Y %H:%M:%S %z}, always in English. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private MailFormat() {
    }

    /**
     * The mail for {@code event}, or empty when keepalived would send none: not a state change, no
     * smtp_alert for the target, STOP, a deleted group, FAULT with no_email_faults, or no server/recipient.
     */
    public static Optional<MailMessage> format(Event event, MailSettings settings, ZonedDateTime date) {
        if (!(event instanceof Event.VrrpStateChanged change) || !change.target().smtpAlert()
                || !settings.canSend()) {
            return Optional.empty();
        }
        Optional<NotifyState> mailed = mailedState(change.target().type(), change.state());
        if (mailed.isEmpty() || (mailed.get() == NotifyState.FAULT && settings.noEmailFaults())) {
            return Optional.empty();
        }
        TargetType type = change.target().type();
        String name = change.target().name();
        return Optional.of(new MailMessage(settings.server(), settings.port(), settings.heloName(),
                settings.timeoutMillis(), settings.from(), settings.recipients(),
                envelopeAddresses(settings.recipients()), subject(settings.routerId(), type, name, mailed.get()),
                body(type, mailed.get()), date(date)));
    }

    /**
     * The state a mail announces: STOP sends none (keepalived exits before its mail leaves), an instance
     * DELETED at reload announces FAULT, a deleted group sends none.
     */
    static Optional<NotifyState> mailedState(TargetType type, NotifyState state) {
        return switch (state) {
            case MASTER, BACKUP, FAULT -> Optional.of(state);
            case DELETED -> type == TargetType.INSTANCE ? Optional.of(NotifyState.FAULT) : Optional.empty();
            case STOP -> Optional.empty();
        };
    }

    /** {@code [router_id] VRRP Instance NAME - Entering MASTER state} (or {@code VRRP Group NAME}). */
    public static String subject(String routerId, TargetType type, String name, NotifyState state) {
        String what = type == TargetType.GROUP ? "VRRP Group" : "VRRP Instance";
        return "[" + routerId + "] " + what + " " + name + " - Entering " + state + " state";
    }

    /** The single body line. */
    public static String body(TargetType type, NotifyState state) {
        if (type == TargetType.GROUP) {
            return "=> All VRRP group instances are now in " + state + " state <=";
        }
        return state == NotifyState.MASTER
                ? "=> VRRP Instance is now owning VRRP VIPs <="
                : "=> VRRP Instance is no longer owning VRRP VIPs <=";
    }

    /** The Date header: {@code Wed, 25 Nov 2026 16:22:05 +0000}. */
    public static String date(ZonedDateTime date) {
        return DATE.format(date);
    }

    /**
     * The RCPT TO address of each notification_email entry: the part in angle brackets when there is one.
     * Deliberate deviation: keepalived 2.2.7 sends the entry whole ({@code RCPT TO:<Bob <b@x>>}), which
     * strict servers refuse.
     */
    static List<String> envelopeAddresses(List<String> entries) {
        List<String> addresses = new ArrayList<>(entries.size());
        for (String entry : entries) {
            int open = entry.lastIndexOf('<');
            int close = entry.lastIndexOf('>');
            addresses.add(open >= 0 && close > open ? entry.substring(open + 1, close).trim() : entry.trim());
        }
        return addresses;
    }
}
