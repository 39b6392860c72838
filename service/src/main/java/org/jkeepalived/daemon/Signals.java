package org.jkeepalived.daemon;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * keepalived's signals. Handlers only enqueue a command on the {@link ControlLoop}: no work ever runs on
 * the JVM's signal thread, so a signal at any moment (during start, during a reload, twice at once)
 * cannot interleave with the daemon's own work. SIGPIPE is ignored, as keepalived does.
 *
 * <p>{@code sun.misc.Signal} is the only signal API Java 17 has (module jdk.unsupported); it handles
 * HUP, INT, TERM, USR1, USR2 and PIPE (QUIT stays the JVM's thread dump).
 */
final class Signals {
    /**
     * {@code keepalived --signum=NAME} on Linux, checked against keepalived 2.2.7: STATS_CLEAR is
     * SIGRTMAX-1 and JSON SIGRTMIN+2 with glibc's SIGRTMIN of 34.
     */
    private static final Map<String, Integer> NUMBERS = Map.of(
            "RELOAD", 1, "STOP", 15, "DATA", 10, "STATS", 12, "STATS_CLEAR", 63, "JSON", 36);

    private Signals() {
    }

    /** The number {@code --signum=name} prints, if keepalived knows the name. */
    static OptionalInt number(String name) {
        Integer n = NUMBERS.get(name.toUpperCase(Locale.ROOT));
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** Routes the daemon's signals to {@code loop}. Call as early as possible at start. */
    static void install(ControlLoop loop) {
        route("HUP", loop, ControlLoop.Command.RELOAD);
        route("TERM", loop, ControlLoop.Command.STOP);
        route("INT", loop, ControlLoop.Command.STOP);
        route("USR1", loop, ControlLoop.Command.DUMP_DATA);
        route("USR2", loop, ControlLoop.Command.DUMP_STATS);
        Signal.handle(new Signal("PIPE"), SignalHandler.SIG_IGN);
    }

    private static void route(String name, ControlLoop loop, ControlLoop.Command command) {
        Signal.handle(new Signal(name), s -> loop.submit(command));
    }
}
