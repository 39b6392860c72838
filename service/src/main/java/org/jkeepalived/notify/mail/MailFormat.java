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
 * Builds keepalived's alert mails (f.3), observed from keepalived 2.2.7 against a recording SMTP sink. VRRP:
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
 * LVS (observed in the IPVS VM): {@code [router_id] Realserver [127.0.0.1]:tcp:9099 of virtual server
 * [127.0.0.1]:tcp:8080 - UP} with {@code => TCP CHECK succeed on service <=}, and {@code [router_id]
 * Virtualserver [127.0.0.1]:tcp:8080 - UP} with {@code => Gained quorum 2+0=2 <= 2 <=}, at start
 * {@code => Starting with quorum up 1+0=1 <= 4 <=}. Deliberate deviation: keepalived's lost-quorum mail says
 * {@code Lost quorum 1+0=1 <= 0} (the gain's arithmetic); ours says what its log says, {@code Lost quorum 1-0=1 > 0}.
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
        if (!settings.canSend()) {
            return Optional.empty();
        }
        if (event instanceof Event.RealServerChanged rs && rs.smtpAlert()) {
            return Optional.of(message(settings, "[" + settings.routerId() + "] Realserver " + rs.realServer()
                    + " of virtual server " + rs.virtualServer() + " - " + (rs.up() ? "UP" : "DOWN"),
                    "=> " + checkWords(rs.checkerKind(), rs.up(), rs.reason()) + " <=", date));
        }
        if (event instanceof Event.QuorumChanged q && q.smtpAlert()) {
            String words = q.message();
            int forVs = words.lastIndexOf(" for VS ");
            return Optional.of(message(settings, "[" + settings.routerId() + "] Virtualserver " + q.virtualServer()
                    + " - " + (q.up() ? "UP" : "DOWN"), "=> " + (forVs > 0 ? words.substring(0, forVs) : words)
                    + " <=", date));
        }
        if (!(event instanceof Event.VrrpStateChanged change) || !change.target().smtpAlert()) {
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

    private static MailMessage message(MailSettings settings, String subject, String body, ZonedDateTime date) {
        return new MailMessage(settings.server(), settings.port(), settings.heloName(), settings.timeoutMillis(),
                settings.from(), settings.recipients(), envelopeAddresses(settings.recipients()), subject, body,
                date(date));
    }

    /**
     * A real server mail's body words, as keepalived 2.2.7 was seen to send them: {@code TCP CHECK succeed on
     * service} / {@code TCP CHECK failed on service}, {@code MISC CHECK succeeded on service} / {@code MISC CHECK
     * failed on service}, and for HTTP_GET {@code CHECK failed on service : HTTP request failed} (its reason).
     * The other kinds follow HTTP_GET's form; an up mail of theirs was not observed and says
     * {@code CHECK succeed on service}.
     */
    static String checkWords(String kind, boolean up, String reason) {
        if ("TCP_CHECK".equals(kind)) {
            return up ? "TCP CHECK succeed on service" : "TCP CHECK failed on service";
        }
        if ("MISC_CHECK".equals(kind)) {
            return up ? "MISC CHECK succeeded on service" : "MISC CHECK failed on service";
        }
        return up || reason == null || reason.isEmpty() ? (up ? "CHECK succeed on service" : "CHECK failed on service")
                : "CHECK failed on service : " + reason;
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
