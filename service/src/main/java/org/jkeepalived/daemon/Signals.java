package org.jkeepalived.daemon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.RealtimeSignals;
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

    /**
     * keepalived's real-time signals, {@code --signum=JSON} (SIGRTMIN+2) and STATS_CLEAR (SIGRTMAX-1), which
     * {@code sun.misc.Signal} cannot handle: read from a signalfd on the thread "rt-signals" when the launcher
     * started us with them blocked (in every thread: {@code env --block-signal}), else set to SIG_IGN so that a
     * stray one cannot kill the daemon (their default action). Never throws.
     *
     * @return what to log once logging runs: how each signal is handled
     */
    static String installRealtime(ControlLoop loop, RealtimeSignals rt) {
        int json;
        int clear;
        try {
            json = rt.rtmin() + 2;
            clear = rt.rtmax() - 1;
        } catch (RuntimeException | LinkageError e) {
            return "real-time signals unavailable (" + e + "): --signum=JSON and STATS_CLEAR would kill the daemon";
        }
        List<Integer> blocked = new ArrayList<>();
        List<Integer> ignored = new ArrayList<>();
        StringBuilder problems = new StringBuilder();
        for (int sig : new int[] {json, clear}) {
            boolean isBlocked;
            try {
                isBlocked = rt.blockedInCallingThread(sig);
            } catch (IOException | RuntimeException e) {
                isBlocked = false;
            }
            if (isBlocked) {
                blocked.add(sig);
                continue;
            }
            try {
                rt.ignore(sig);
                ignored.add(sig);
            } catch (NativeException | RuntimeException | LinkageError e) {
                problems.append("; cannot ignore signal ").append(sig).append(": ").append(e.getMessage());
            }
        }
        if (!blocked.isEmpty()) {
            try {
                RealtimeSignals.SignalFd fd = rt.open(blocked.stream().mapToInt(Integer::intValue).toArray());
                Thread t = new Thread(() -> read(fd, loop, json, clear), "rt-signals");
                t.setDaemon(true);
                t.start();
            } catch (NativeException | RuntimeException | LinkageError e) {
                // Blocked but unreadable: they stay pending, harmless, and do nothing.
                problems.append("; signalfd failed (").append(e.getMessage()).append("): signals ").append(blocked)
                        .append(" stay pending and do nothing");
                blocked.clear();
            }
        }
        String how = (blocked.contains(json) ? "JSON dump on signal " + json + " (SIGRTMIN+2)"
                : "JSON dumps by signal unavailable: signal " + json + " (SIGRTMIN+2) is not blocked, ignored instead"
                        + " (start jkeepalived through bin/jkeepalived, which blocks it with GNU env --block-signal)")
                + (blocked.contains(clear) ? "; STATS_CLEAR on signal " + clear
                        : "; signal " + clear + " (STATS_CLEAR) ignored")
                + problems;
        return how;
    }

    private static void read(RealtimeSignals.SignalFd fd, ControlLoop loop, int json, int clear) {
        while (true) {
            int sig;
            try {
                sig = fd.next(60_000);
            } catch (NativeException e) {
                return; // closed or broken: signals stay pending (blocked), harmless
            }
            if (sig == json) {
                loop.submit(ControlLoop.Command.DUMP_JSON);
            } else if (sig == clear) {
                loop.submit(ControlLoop.Command.CLEAR_STATS);
            }
        }
    }

    private static void route(String name, ControlLoop loop, ControlLoop.Command command) {
        Signal.handle(new Signal(name), s -> loop.submit(command));
    }
}
