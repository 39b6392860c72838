package org.jkeepalived.os.log;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.logging.log4j.Level;

/**
 * Encodes one message as the datagram glibc's {@code syslog(3)} sends to {@code /dev/log}:
 * {@code <PRI>Mmm dd hh:mm:ss ident[pid]: message} (RFC 3164 section 4.1, without the HOSTNAME field,
 * which the local syslog daemon or journald adds).
 */
public final class SyslogMessage {
    public static final int CRIT = 2;
    public static final int ERR = 3;
    public static final int WARNING = 4;
    public static final int INFO = 6;
    public static final int DEBUG = 7;

    /** RFC 3164 TIMESTAMP: English month, day padded with a space, local time. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    private SyslogMessage() {
    }

    /**
     * The syslog severity for a log4j level. FATAL maps to CRIT rather than EMERG: syslog daemons
     * broadcast EMERG to every terminal, which no single daemon's failure warrants.
     */
    public static int severity(Level level) {
        if (level.isMoreSpecificThan(Level.FATAL)) {
            return CRIT;
        }
        if (level.isMoreSpecificThan(Level.ERROR)) {
            return ERR;
        }
        if (level.isMoreSpecificThan(Level.WARN)) {
            return WARNING;
        }
        if (level.isMoreSpecificThan(Level.INFO)) {
            return INFO;
        }
        return DEBUG;
    }

    /** The datagram's bytes (UTF-8). */
    public static byte[] encode(int facility, int severity, LocalDateTime time, String ident, long pid,
                                String message) {
        StringBuilder b = new StringBuilder(message.length() + 48);
        b.append('<').append(facility * 8 + severity).append('>');
        b.append(TIMESTAMP.format(time)).append(' ');
        b.append(ident).append('[').append(pid).append("]: ").append(message);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
