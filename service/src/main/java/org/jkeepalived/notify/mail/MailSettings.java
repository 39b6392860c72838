package org.jkeepalived.notify.mail;

import java.util.List;
import java.util.Objects;
import org.jkeepalived.config.model.global.GlobalDefs;

/**
 * What the mail alerts take from global_defs (b.2 Email), with times in milliseconds.
 *
 * @param routerId       router_id, the subject's {@code [..]} prefix
 * @param from           notification_email_from
 * @param recipients     notification_email entries as written ({@code a@x} or {@code Name <a@x>})
 * @param server         smtp_server host or address, null when unset
 * @param port           smtp_server port (25)
 * @param heloName       smtp_helo_name
 * @param timeoutMillis  smtp_connect_timeout; keepalived uses it for the connection and every reply
 * @param noEmailFaults  no_email_faults: no mail for FAULT
 */
public record MailSettings(String routerId, String from, List<String> recipients, String server, int port,
                           String heloName, long timeoutMillis, boolean noEmailFaults) {

    public MailSettings {
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(from, "from");
        recipients = List.copyOf(recipients);
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive: " + timeoutMillis);
        }
    }

    /** The mail settings of a parsed configuration. */
    public static MailSettings from(GlobalDefs global) {
        GlobalDefs.SmtpSettings smtp = global.smtp();
        // The parser already raises smtp_connect_timeout 0 to 1 s, as keepalived does; keep a floor anyway.
        long timeoutMillis = Math.max(1, smtp.connectTimeoutMicros() / 1000);
        return new MailSettings(global.routerId(), smtp.from(), smtp.emails(), smtp.server(), smtp.port(),
                smtp.heloName(), timeoutMillis, smtp.noEmailFaults());
    }

    /** keepalived sends nothing without an smtp_server or without a notification_email. */
    public boolean canSend() {
        return server != null && !server.isEmpty() && !recipients.isEmpty();
    }

    /** The server as keepalived names it in its log lines: {@code [127.0.0.1]:25}. */
    public String serverText() {
        return "[" + server + "]:" + port;
    }
}
