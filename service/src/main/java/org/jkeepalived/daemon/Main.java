package org.jkeepalived.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.OptionalInt;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.ModelJson;
import org.jkeepalived.config.source.ReaderOptions;
import org.jkeepalived.os.LocalSystemView;
import org.jkeepalived.os.log.LogSetup;

/**
 * Entry point. Usage errors exit 2 with one line; {@code -h}, {@code -v}, {@code --signum} answer and exit;
 * {@code -t} and {@code -d} read the configuration, print, and exit; anything else runs the {@link Daemon}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Options o;
        try {
            o = CommandLine.parse(args);
        } catch (UsageException e) {
            System.err.println("jkeepalived: " + e.getMessage() + " (see --help)");
            return 2;
        }
        switch (o.action()) {
            case HELP -> {
                System.err.print(CommandLine.usage());
                return 0;
            }
            case VERSION -> {
                System.err.println("jkeepalived v" + version() + ", keepalived 2.2 compatible; Java " + Runtime.version());
                return 0;
            }
            case SIGNUM -> {
                // keepalived prints the number on stdout, or "Unknown sigfunc NAME" and exits 1.
                OptionalInt n = Signals.number(o.signumName());
                if (n.isEmpty()) {
                    System.err.println("Unknown sigfunc " + o.signumName());
                    return 1;
                }
                System.out.println(n.getAsInt());
                return 0;
            }
            case RUN -> {
            }
        }
        if (o.oneShot()) {
            return checkConfig(o);
        }
        return new Daemon(o, version()).run();
    }

    /**
     * {@code -t} and {@code -d}: every finding on stderr (or the {@code -t} file), the model as JSON on
     * stdout with {@code -d}; the exit code is keepalived's {@code -t} code, 0 for {@code -d} alone.
     * Nothing is started and nothing logs anywhere but stderr.
     */
    static int checkConfig(Options o) {
        LogSetup.stderrOnly();
        LoadResult r = readConfig(o);
        PrintStream out = System.err;
        if (o.configTestLog() != null) {
            try {
                out = new PrintStream(Files.newOutputStream(o.configTestLog()), true, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("jkeepalived: cannot write " + o.configTestLog() + ": " + e.getMessage());
            }
        }
        for (Diagnostic d : r.diagnostics()) {
            out.println(d.format());
        }
        if (out != System.err) {
            out.close();
        }
        if (o.dumpConf()) {
            System.out.print(ModelJson.write(r.config()));
            System.out.flush();
        }
        return o.configTest() ? r.exitCode() : 0;
    }

    /** Reads {@code -f}'s file with {@code -i}'s config-id (default: the short host name) on this machine. */
    static LoadResult readConfig(Options o) {
        LocalSystemView system = new LocalSystemView();
        String id = o.configId() != null ? o.configId() : system.hostname();
        return new ConfigLoader(system, ReaderOptions.of(id)).load(o.configFile());
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0-dev" : v;
    }
}
