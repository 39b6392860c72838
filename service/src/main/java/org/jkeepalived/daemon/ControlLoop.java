package org.jkeepalived.daemon;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jkeepalived.os.log.Log;

/**
 * The daemon's main control loop: commands from signals (and later JMX) are queued and run one at a
 * time on the main thread, so a reload, a dump and the stop never overlap. Submitting never blocks and
 * never fails, which makes it safe from a signal handler.
 *
 * <p>Ordering rules: a pending STOP wins over any queued work (an operator who stops the daemon does not
 * wait for queued reloads), and the RELOADs queued before a reload starts collapse into it, since that
 * one re-read sees every change they announced. A SIGTERM that arrives during a reload is handled as soon
 * as the reload finishes: a reload is never cut in half.
 */
final class ControlLoop {
    enum Command {
        RELOAD, STOP, DUMP_DATA, DUMP_STATS, DUMP_JSON, CLEAR_STATS
    }

    /** What the commands do. */
    interface Handler {
        void reload();

        void dumpData();

        void dumpStats();

        /** The JSON dump ({@code --signum=JSON}). */
        void dumpJson();

        /** keepalived's STATS_CLEAR. */
        void clearStats();
    }

    private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final Log log;

    ControlLoop(Log log) {
        this.log = log;
    }

    /** Queues {@code command}; callable from any thread, including signal handlers. */
    void submit(Command command) {
        queue.offer(command);
    }

    /** Runs commands until STOP; a command that throws is logged and the loop goes on. */
    void run(Handler handler) throws InterruptedException {
        while (true) {
            Command c = next();
            if (c == Command.STOP) {
                return;
            }
            try {
                switch (c) {
                    case RELOAD -> handler.reload();
                    case DUMP_DATA -> handler.dumpData();
                    case DUMP_STATS -> handler.dumpStats();
                    case DUMP_JSON -> handler.dumpJson();
                    case CLEAR_STATS -> handler.clearStats();
                    default -> throw new IllegalStateException(c.name());
                }
            } catch (RuntimeException e) {
                log.error("Error handling " + c + ": " + e);
            }
        }
    }

    Command next() throws InterruptedException {
        Command c = queue.take();
        if (c != Command.STOP && queue.contains(Command.STOP)) {
            return Command.STOP;
        }
        if (c == Command.RELOAD) {
            queue.removeIf(x -> x == Command.RELOAD);
        }
        return c;
    }
}
