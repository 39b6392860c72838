package org.jkeepalived.notify.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.jkeepalived.notify.mail.MailSendException.Failure;

/**
 * {@link MailTransport} over Jakarta Mail (Eclipse Angus): plain SMTP with {@code HELO}, no EHLO, no TLS and
 * no authentication, as keepalived speaks it. smtp_connect_timeout bounds the connection and every reply.
 */
public final class JakartaMailTransport implements MailTransport {

    @Override
    public void send(MailMessage message) throws MailSendException {
        Session session = Session.getInstance(properties(message));
        try {
            MimeMessage mime = new MimeMessage(session);
            // keepalived's headers; Jakarta Mail writes them in its own canonical order and adds MIME headers.
            mime.setHeader("Date", message.date());
            mime.setHeader("From", message.from());
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setHeader("X-Mailer", MailMessage.MAILER);
            mime.setHeader("To", String.join(", ", message.to()));
            mime.setText(message.body() + "\n", StandardCharsets.UTF_8.name());
            mime.saveChanges();
            Transport.send(mime, recipients(message.envelopeTo()));
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    static Properties properties(MailMessage message) {
        Properties props = new Properties();
        String timeout = Long.toString(message.timeoutMillis());
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.smtp.host", message.server());
        props.setProperty("mail.smtp.port", Integer.toString(message.port()));
        props.setProperty("mail.smtp.from", message.from());
        if (message.heloName() != null && !message.heloName().isEmpty()) {
            props.setProperty("mail.smtp.localhost", message.heloName());
        }
        props.setProperty("mail.smtp.ehlo", "false");
        props.setProperty("mail.smtp.connectiontimeout", timeout);
        props.setProperty("mail.smtp.timeout", timeout);
        return props;
    }

    private static Address[] recipients(List<String> addresses) throws MailSendException {
        Address[] result = new Address[addresses.size()];
        for (int i = 0; i < result.length; i++) {
            try {
                result[i] = new InternetAddress(addresses.get(i), false);
            } catch (AddressException e) {
                throw new MailSendException(Failure.OTHER, "bad recipient " + addresses.get(i) + ": "
                        + e.getMessage());
            }
        }
        return result;
    }

    /** Maps Jakarta Mail's exception chain onto keepalived's failure cases. */
    static MailSendException classify(MessagingException e) {
        List<Throwable> chain = chain(e);
        String detail = String.valueOf(e.getMessage());
        for (Throwable t : chain) {
            if (t instanceof SMTPSenderFailedException s) {
                return new MailSendException(Failure.SMTP_STATUS, "MAIL", s.getReturnCode(), detail);
            }
            if (t instanceof SMTPAddressFailedException s) {
                return new MailSendException(Failure.SMTP_STATUS, "RCPT", s.getReturnCode(), detail);
            }
            if (t instanceof SMTPSendFailedException s) {
                return new MailSendException(Failure.SMTP_STATUS, s.getCommand() == null ? "DATA"
                        : s.getCommand().trim().split(" ", 2)[0], s.getReturnCode(), detail);
            }
        }
        boolean connecting = chain.stream().anyMatch(MailConnectException.class::isInstance);
        boolean timedOut = chain.stream().anyMatch(SocketTimeoutException.class::isInstance);
        if (connecting) {
            return new MailSendException(timedOut ? Failure.CONNECT_TIMEOUT : Failure.CONNECT_ERROR, detail);
        }
        if (chain.stream().anyMatch(t -> t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof UnknownHostException)) {
            return new MailSendException(Failure.CONNECT_ERROR, detail);
        }
        if (timedOut) {
            return new MailSendException(Failure.READ_TIMEOUT, detail);
        }
        if (chain.stream().anyMatch(t -> t instanceof EOFException
                || String.valueOf(t.getMessage()).contains("[EOF]"))) {
            return new MailSendException(Failure.CLOSED, detail);
        }
        return new MailSendException(Failure.OTHER, detail);
    }

    private static List<Throwable> chain(Throwable top) {
        List<Throwable> result = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> todo = new ArrayList<>(List.of(top));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(todo.size() - 1);
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            result.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException m) {
                todo.add(m.getNextException());
            }
            if (t instanceof SocketConnectException c) {
                todo.add(c.getException());
            }
        }
        return result;
    }
}
