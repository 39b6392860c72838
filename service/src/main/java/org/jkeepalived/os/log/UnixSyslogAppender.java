package org.jkeepalived.os.log;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.UnixDatagramSocket;

/**
 * Sends each event as an RFC 3164 datagram to the local syslog socket ({@code /dev/log}), as glibc's
 * {@code syslog(3)} does. log4j's own Syslog appender speaks only UDP and TCP.
 *
 * <p>Never blocks the logging thread: datagrams are sent with MSG_DONTWAIT, and one the receiver cannot
 * take now (queue full, no syslog daemon, socket gone) is dropped and counted. The first failure of a
 * run of failures is reported once on stderr, so a missing syslog is visible but never floods.
 * The address is given on every send (no connect), so a restarted syslog daemon is picked up at once.
 */
public final class UnixSyslogAppender extends AbstractAppender {
    public static final String DEV_LOG = "/dev/log";

    private final String socketPath;
    private final int facility;
    private final String ident;
    private final long pid;
    private final ZoneId zone;
    private final PrintStream problems;
    private final AtomicLong dropped = new AtomicLong();
    private UnixDatagramSocket socket;
    private boolean failing;

    public UnixSyslogAppender(String name, String socketPath, int facility, String ident, PrintStream problems) {
        super(name, null, null, true, Property.EMPTY_ARRAY);
        this.socketPath = socketPath;
        this.facility = facility;
        this.ident = ident;
        this.pid = ProcessHandle.current().pid();
        this.zone = ZoneId.systemDefault();
        this.problems = problems;
    }

    @Override
    public void append(LogEvent event) {
        LocalDateTime time = LocalDateTime.ofInstant(
                Instant.ofEpochMilli(event.getInstant().getEpochMillisecond()), zone);
        byte[] datagram = SyslogMessage.encode(facility, SyslogMessage.severity(event.getLevel()), time, ident,
                pid, event.getMessage().getFormattedMessage());
        send(datagram);
    }

    private synchronized void send(byte[] datagram) {
        try {
            if (socket == null) {
                socket = UnixDatagramSocket.open();
            }
            socket.sendTo(socketPath, datagram, 0, datagram.length, true);
            failing = false;
        } catch (NativeException e) {
            dropped.incrementAndGet();
            if (!failing) {
                failing = true;
                problems.println("jkeepalived: cannot log to syslog: " + e.getMessage()
                        + "; dropping syslog messages until it works again");
            }
        }
    }

    /** Messages not delivered so far. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void stop() {
        super.stop();
        closeSocket();
    }

    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        boolean stopped = super.stop(timeout, timeUnit);
        closeSocket();
        return stopped;
    }

    private synchronized void closeSocket() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
