package org.jkeepalived.daemon;

/** A command line we cannot accept; the message is one line for the operator (exit code 2). */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
