package org.jkeepalived.notify.mail;

/** The port through which alert mails leave: one SMTP conversation per mail, as keepalived does it. */
@FunctionalInterface
public interface MailTransport {

    /**
     * Sends {@code message} to its server, blocking until the server accepted it or the conversation failed.
     *
     * @throws MailSendException when the mail was not accepted
     */
    void send(MailMessage message) throws MailSendException;
}
