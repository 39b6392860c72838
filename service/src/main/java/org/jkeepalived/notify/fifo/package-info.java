/**
 * The notify FIFOs (f.2): {@link org.jkeepalived.notify.fifo.NotifyFifo}, an event-bus subscriber writing
 * keepalived's lines, and its FIFO scripts. {@code FifoFile} holds the only native calls (jnr-posix mkfifo,
 * non-blocking open and write, chown), kept in one class so that they can move to {@code ffi}.
 */
package org.jkeepalived.notify.fifo;
