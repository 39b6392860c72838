package org.jkeepalived.os.log;

import java.nio.file.Path;

/**
 * Where the daemon's messages go, from keepalived's flags.
 *
 * @param console      {@code -l}: copy every message to stderr
 * @param syslog       write to syslog (keepalived always does, unless {@code -G})
 * @param facility     {@code -S}: the syslog facility code ({@link SyslogFacility})
 * @param syslogSocket the local syslog socket, normally {@code /dev/log}
 * @param file         {@code -g}: also append to this file, null when not asked
 * @param detail       {@code -D}: include the detailed messages ({@link Log#detail})
 * @param ident        the syslog identifier, e.g. {@code jkeepalived}
 */
public record LogOptions(boolean console, boolean syslog, int facility, String syslogSocket, Path file,
                         boolean detail, String ident) {
}
