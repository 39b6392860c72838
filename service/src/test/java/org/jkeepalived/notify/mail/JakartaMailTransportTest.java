package org.jkeepalived.notify.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.jkeepalived.notify.mail.MailSendException.Failure;
import org.junit.jupiter.api.Test;

/** Session properties and the mapping of Jakarta Mail's exceptions onto keepalived's log lines. */
class JakartaMailTransportTest {

    @Test
    void plainSmtpWithHeloAndTheTimeoutForConnectAndReplies() {
        MailMessage m = new MailMessage("192.0.2.7", 2525, "helo.example", 3_000, "k@x", List.of("a@x"),
                List.of("a@x"), "s", "b", "d");
        Properties p = JakartaMailTransport.properties(m);
        assertThat(p.getProperty("mail.smtp.host")).isEqualTo("192.0.2.7");
        assertThat(p.getProperty("mail.smtp.port")).isEqualTo("2525");
        assertThat(p.getProperty("mail.smtp.localhost")).isEqualTo("helo.example");
        assertThat(p.getProperty("mail.smtp.ehlo")).isEqualTo("false");
        assertThat(p.getProperty("mail.smtp.connectiontimeout")).isEqualTo("3000");
        assertThat(p.getProperty("mail.smtp.timeout")).isEqualTo("3000");
        assertThat(p.getProperty("mail.smtp.from")).isEqualTo("k@x");
    }

    static MailConnectException connectFailure(Exception cause) {
        return new MailConnectException(new SocketConnectException("connect failed", cause, "192.0.2.7", 25,
                1000));
    }

    @Test
    void failuresMapOntoKeepalivedsLogLines() throws Exception {
        String server = "[192.0.2.7]:25";
        assertThat(JakartaMailTransport.classify(connectFailure(new ConnectException("Connection refused")))
                .logLine(server)).isEqualTo("SMTP connection ERROR to [192.0.2.7]:25.");
        assertThat(JakartaMailTransport.classify(connectFailure(new SocketTimeoutException("Connect timed out")))
                .logLine(server)).isEqualTo("Timeout connecting SMTP server [192.0.2.7]:25.");
        assertThat(JakartaMailTransport.classify(new MessagingException("Exception reading response",
                new SocketTimeoutException("Read timed out"))).logLine(server))
                .isEqualTo("Timeout reading data to remote SMTP server [192.0.2.7]:25.");
        assertThat(JakartaMailTransport.classify(new MessagingException("Exception reading response",
                new EOFException("[EOF]"))).failure()).isEqualTo(Failure.CLOSED);
        SendFailedException refused = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(new InternetAddress("a@x"), "RCPT TO:<a@x>", 550, "no such user"));
        MailSendException status = JakartaMailTransport.classify(refused);
        assertThat(status.logLine(server))
                .isEqualTo("Error processing RCPT cmd on SMTP server [192.0.2.7]:25. SMTP status code = 550");
        assertThat(status.permanent()).isTrue();
        assertThat(JakartaMailTransport.classify(new MessagingException("bad greeting")).logLine(server))
                .isEqualTo("Cannot send data to remote SMTP server [192.0.2.7]:25.");
    }
}
