package org.jkeepalived.notify.mail;

import java.util.List;
import java.util.Objects;

/**
 * One alert mail, complete with where it goes, so that a reload changes only mail queued afterwards.
 *
 * @param server        smtp_server host or address
 * @param port          smtp_server port
 * @param heloName      the HELO name
 * @param timeoutMillis connect and read timeout
 * @param from          envelope sender and From header
 * @param to            the To header's entries as written in notification_email
 * @param envelopeTo    the RCPT TO addresses (the address part of each entry)
 * @param subject       Subject header
 * @param body          the text
 * @param date          the Date header's value (RFC 5322, e.g. {@code Wed, 25 Nov 2026 16:22:05 +0000})
 */
public record MailMessage(String server, int port, String heloName, long timeoutMillis, String from,
                          List<String> to, List<String> envelopeTo, String subject, String body, String date) {

    public MailMessage {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(date, "date");
        to = List.copyOf(to);
        envelopeTo = List.copyOf(envelopeTo);
    }

    /** keepalived's mailer name, sent as the X-Mailer header. */
    public static final String MAILER = "Keepalived";

    /** The server as keepalived names it in its log lines: {@code [127.0.0.1]:25}. */
    public String serverText() {
        return "[" + server + "]:" + port;
    }
}
