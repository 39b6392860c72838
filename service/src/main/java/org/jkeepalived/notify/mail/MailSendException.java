package org.jkeepalived.notify.mail;

/** Why an SMTP conversation failed, in the cases keepalived names in its log. */
public final class MailSendException extends Exception {
    private static final long serialVersionUID = 1L;

    /** keepalived's failure cases (its smtp.c log lines). */
    public enum Failure {
        /** the TCP connection was refused or unreachable */
        CONNECT_ERROR,
        /** no TCP connection within the timeout */
        CONNECT_TIMEOUT,
        /** connected, but a reply did not come within the timeout */
        READ_TIMEOUT,
        /** the server closed the connection */
        CLOSED,
        /** the server answered a command with an error status */
        SMTP_STATUS,
        /** any other I/O or protocol failure */
        OTHER
    }

    private final Failure failure;
    private final String command;
    private final int statusCode;

    public MailSendException(Failure failure, String detail) {
        this(failure, null, 0, detail);
    }

    public MailSendException(Failure failure, String command, int statusCode, String detail) {
        super(detail, null, false, false);
        this.failure = failure;
        this.command = command;
        this.statusCode = statusCode;
    }

    public Failure failure() {
        return failure;
    }

    /** The SMTP command that failed (SMTP_STATUS), else null. */
    public String command() {
        return command;
    }

    /** The server's status code (SMTP_STATUS), else 0. */
    public int statusCode() {
        return statusCode;
    }

    /**
     * A 5xx reply (RFC 5321 4.2.1: permanent negative completion): the same mail would be refused again, so it
     * is not retried.
     */
    public boolean permanent() {
        return failure == Failure.SMTP_STATUS && statusCode >= 500;
    }

    /** keepalived's log line for this failure with {@code server} as {@code [addr]:port}. */
    public String logLine(String server) {
        return switch (failure) {
            case CONNECT_ERROR -> "SMTP connection ERROR to " + server + ".";
            case CONNECT_TIMEOUT -> "Timeout connecting SMTP server " + server + ".";
            case READ_TIMEOUT -> "Timeout reading data to remote SMTP server " + server + ".";
            case CLOSED -> "Remote SMTP server " + server + " has closed the connection.";
            case SMTP_STATUS -> "Error processing " + command + " cmd on SMTP server " + server
                    + ". SMTP status code = " + statusCode;
            case OTHER -> "Cannot send data to remote SMTP server " + server + ".";
        };
    }
}
