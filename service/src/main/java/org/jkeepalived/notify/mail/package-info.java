/**
 * keepalived's SMTP alerts (reference f.3, b.2 Email).
 *
 * <ul>
 *   <li>{@link org.jkeepalived.notify.mail.MailFormat} (pure) turns a VRRP state change into keepalived 2.2.7's
 *       mail, as observed against a recording SMTP sink: subject {@code [router_id] VRRP Instance NAME -
 *       Entering MASTER state} (or {@code VRRP Group NAME}), one body line, headers Date, From, Subject,
 *       X-Mailer: Keepalived, To.</li>
 *   <li>{@link org.jkeepalived.notify.mail.MailAlerts} is the event-bus subscriber: it queues (bounded) and one
 *       {@code mail-sender} thread sends, retrying with {@link org.jkeepalived.notify.mail.RetryPolicy}.</li>
 *   <li>{@link org.jkeepalived.notify.mail.MailTransport} is the port;
 *       {@link org.jkeepalived.notify.mail.JakartaMailTransport} speaks plain SMTP (HELO, no TLS, no AUTH)
 *       through Jakarta Mail.</li>
 * </ul>
 *
 * Deliberate deviations from keepalived 2.2.7, each an improvement an operator cannot be hurt by:
 * <ul>
 *   <li>failed mail is retried with bounded back-off (keepalived tries once);</li>
 *   <li>RCPT TO carries the address of a {@code "Name <addr>"} entry (keepalived sends the entry whole);</li>
 *   <li>mails go out one at a time on one thread (keepalived opens one connection per mail at once);</li>
 *   <li>Jakarta Mail writes the headers in its canonical order and adds Message-ID and MIME headers;</li>
 *   <li>no "Remote SMTP server ... connected." line; success logs keepalived's "SMTP alert successfully
 *       sent.".</li>
 * </ul>
 */
package org.jkeepalived.notify.mail;
