package org.jkeepalived.check.smtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Collects one SMTP reply (RFC 5321 4.2): lines {@code NNN-text} continue it, the line {@code NNN text}
 * (or a bare {@code NNN}) ends it. Pure; fed whatever bytes the socket gave.
 */
final class SmtpReplyParser {
    /** A reply longer than this is refused rather than buffered (a misbehaving peer). */
    static final int MAX_REPLY_BYTES = 16 * 1024;

    private final StringBuilder line = new StringBuilder();
    private int total;
    private int code = -1;
    private String lastLine;
    private String error;

    /** Feeds bytes; returns true once the reply is complete (or malformed: see {@link #error()}). */
    boolean feed(ByteBuffer bytes) {
        while (bytes.hasRemaining() && code < 0 && error == null) {
            char c = (char) (bytes.get() & 0xff);
            if (++total > MAX_REPLY_BYTES) {
                error = "reply longer than " + MAX_REPLY_BYTES + " bytes";
                break;
            }
            if (c == '\n') {
                endLine();
            } else if (c != '\r') {
                line.append(c);
            }
        }
        return done();
    }

    private void endLine() {
        String l = line.toString();
        line.setLength(0);
        if (l.length() < 3 || !isDigits(l.substring(0, 3)) || (l.length() > 3 && l.charAt(3) != ' '
                && l.charAt(3) != '-')) {
            error = "malformed reply line '" + printable(l) + "'";
            return;
        }
        lastLine = l;
        if (l.length() == 3 || l.charAt(3) == ' ') {
            code = Integer.parseInt(l.substring(0, 3));
        }
    }

    private static boolean isDigits(String s) {
        return s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return new String(cut.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII)
                .replaceAll("[^\\x20-\\x7e]", "?");
    }

    boolean done() {
        return code >= 0 || error != null;
    }

    /** The reply code, or -1 when not complete or malformed. */
    int code() {
        return code;
    }

    /** The last line, for log lines. */
    String lastLine() {
        return lastLine == null ? "" : printable(lastLine);
    }

    /** Why the reply is unusable, or null. */
    String error() {
        return error;
    }
}
