package org.jkeepalived.os.log;

import java.util.Locale;

/**
 * The syslog facilities keepalived's {@code -S} accepts: {@code 0}-{@code 7} and {@code local0}-{@code local7}
 * (LOG_LOCAL0..7), {@code user} and {@code daemon} (the default). Codes are the facility numbers before
 * shifting ({@code PRI = facility * 8 + severity}, RFC 3164 section 4.1.1).
 */
public final class SyslogFacility {
    public static final int USER = 1;
    public static final int DAEMON = 3;
    public static final int LOCAL0 = 16;

    private SyslogFacility() {
    }

    /** The facility code for a {@code -S} argument; throws IllegalArgumentException for anything else. */
    public static int parse(String arg) {
        String a = arg.toLowerCase(Locale.ROOT);
        if (a.length() == 1 && a.charAt(0) >= '0' && a.charAt(0) <= '7') {
            return LOCAL0 + a.charAt(0) - '0';
        }
        if (a.length() == 6 && a.startsWith("local") && a.charAt(5) >= '0' && a.charAt(5) <= '7') {
            return LOCAL0 + a.charAt(5) - '0';
        }
        return switch (a) {
            case "daemon" -> DAEMON;
            case "user" -> USER;
            default -> throw new IllegalArgumentException("invalid log facility '" + arg
                    + "' (expected 0-7, local0-local7, user or daemon)");
        };
    }

    /** The name {@link #parse} would accept for {@code code}, for messages. */
    public static String name(int code) {
        if (code >= LOCAL0 && code < LOCAL0 + 8) {
            return "local" + (code - LOCAL0);
        }
        return switch (code) {
            case DAEMON -> "daemon";
            case USER -> "user";
            default -> String.valueOf(code);
        };
    }
}
