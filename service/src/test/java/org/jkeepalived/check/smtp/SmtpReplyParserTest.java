package org.jkeepalived.check.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmtpReplyParserTest {
    private static ByteBuffer b(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void multiLineReplyEndsAtTheLineWithASpace() {
        SmtpReplyParser p = new SmtpReplyParser();
        assertThat(p.feed(b("250-mail.example\r\n250-PIPEL"))).isFalse();
        assertThat(p.feed(b("INING\r\n250 HELP\r\n"))).isTrue();
        assertThat(p.code()).isEqualTo(250);
        assertThat(p.lastLine()).isEqualTo("250 HELP");
        assertThat(p.error()).isNull();
    }

    @Test
    void bareCodeAndLfOnlyLinesAreAccepted() {
        SmtpReplyParser p = new SmtpReplyParser();
        assertThat(p.feed(b("220\n"))).isTrue();
        assertThat(p.code()).isEqualTo(220);
    }

    @Test
    void byteAtATimeGivesTheSameResult() {
        SmtpReplyParser p = new SmtpReplyParser();
        boolean done = false;
        for (byte x : "220-a\r\n220 ready\r\n".getBytes(StandardCharsets.US_ASCII)) {
            assertThat(done).isFalse();
            done = p.feed(ByteBuffer.wrap(new byte[] {x}));
        }
        assertThat(done).isTrue();
        assertThat(p.code()).isEqualTo(220);
    }

    @Test
    void garbageAndEndlessRepliesAreErrorsNotHangs() {
        SmtpReplyParser p = new SmtpReplyParser();
        assertThat(p.feed(b("HTTP/1.1 400 Bad Request\r\n"))).isTrue();
        assertThat(p.code()).isEqualTo(-1);
        assertThat(p.error()).isEqualTo("malformed reply line 'HTTP/1.1 400 Bad Request'");

        SmtpReplyParser q = new SmtpReplyParser();
        assertThat(q.feed(b("220x\r\n"))).isTrue();
        assertThat(q.error()).startsWith("malformed");

        SmtpReplyParser r = new SmtpReplyParser();
        assertThat(r.feed(b("220-" + "x".repeat(SmtpReplyParser.MAX_REPLY_BYTES)))).isTrue();
        assertThat(r.error()).contains("longer than");
    }
}
