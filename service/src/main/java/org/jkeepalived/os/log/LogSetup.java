package org.jkeepalived.os.log;

import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AsyncAppender;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.MarkerFilter;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Configures log4j2 in code from {@link LogOptions}: no XML file is looked for. Call once, before anything
 * logs; {@link Log} gets its loggers lazily so that nothing initialises log4j earlier by accident.
 *
 * <p>In daemon mode every destination sits behind one non-blocking {@link AsyncAppender}: the thread that
 * logs (the VRRP loop above all) never waits for a stalled journal, a slow disk or a full pipe. If its
 * queue fills, events are dropped rather than delaying an advert.
 */
public final class LogSetup {
    /** keepalived's console and file format: {@code Wed Nov 25 11:48:59 2026: message}. */
    static final String PATTERN = "%d{EEE MMM dd HH:mm:ss yyyy}: %m%n";
    private static final int ASYNC_QUEUE = 4096;
    /** The longest wait for the async queue to drain at stop (log4j's default waits forever). */
    private static final long STOP_TIMEOUT_MILLIS = 5000;

    private LogSetup() {
    }

    /** The daemon's logging: console, syslog and file as {@code options} say, asynchronously. */
    public static void start(LogOptions options) {
        install(new DaemonConfiguration(options, PATTERN, true, System.err));
    }

    /**
     * Config-test and one-shot modes ({@code -t}, {@code -d}): plain messages to stderr only, synchronously.
     * Lazy: log4j (about 170 ms of start-up) is initialised only if something actually logs, which
     * {@code -t} normally never does; the factory only makes sure that it would go to stderr, never to
     * stdout where {@code -d} prints JSON.
     */
    public static void stderrOnly() {
        System.setProperty(ConfigurationFactory.CONFIGURATION_FACTORY_PROPERTY, StderrOnly.class.getName());
    }

    /** The configuration factory {@link #stderrOnly} names; public because log4j instantiates it. */
    public static final class StderrOnly extends ConfigurationFactory {
        @Override
        protected String[] getSupportedTypes() {
            return new String[] {"*"};
        }

        @Override
        public Configuration getConfiguration(LoggerContext ctx, ConfigurationSource source) {
            return stderrConfiguration();
        }

        @Override
        public Configuration getConfiguration(LoggerContext ctx, String name, URI location) {
            return stderrConfiguration();
        }

        private static Configuration stderrConfiguration() {
            return new DaemonConfiguration(new LogOptions(true, false, SyslogFacility.DAEMON, null, null, true,
                    "jkeepalived"), "%m%n", false, System.err);
        }
    }

    /**
     * Flushes and closes every destination, the async queue drained first but for at most
     * {@link #STOP_TIMEOUT_MILLIS}: a daemon that loses its last messages beats one that never exits.
     */
    public static void stop() {
        Configurator.shutdown((LoggerContext) LogManager.getContext(false), STOP_TIMEOUT_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private static void install(AbstractConfiguration configuration) {
        LoggerContext ctx = Configurator.initialize(configuration);
        if (ctx.getConfiguration() != configuration) {
            ctx.reconfigure(configuration);
        }
    }

    /** The kernel's host name (uname's nodename), without a resolver lookup; "unknown" when unreadable. */
    static String kernelHostName() {
        try {
            String name = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
            return name.isEmpty() ? "unknown" : name;
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static final class DaemonConfiguration extends AbstractConfiguration {
        private final LogOptions options;
        private final String pattern;
        private final boolean async;
        private final PrintStream problems;

        DaemonConfiguration(LogOptions options, String pattern, boolean async, PrintStream problems) {
            super(null, ConfigurationSource.NULL_SOURCE);
            // log4j looks the host name up (InetAddress.getLocalHost) unless it is given, and prints a stack trace
            // where that fails (a host whose name does not resolve, e.g. "(none)" in the IPVS test VM)
            java.util.concurrent.ConcurrentMap<String, String> context = getComponent(CONTEXT_PROPERTIES);
            if (context != null) {
                context.putIfAbsent("hostName", kernelHostName());
            }
            this.options = options;
            this.pattern = pattern;
            this.async = async;
            this.problems = problems;
            // We stop logging ourselves, after the daemon's own stop steps have logged.
            this.isShutdownHookEnabled = false;
        }

        @Override
        protected void doConfigure() {
            PatternLayout layout = PatternLayout.newBuilder().withPattern(pattern).withConfiguration(this).build();
            List<Appender> sinks = new ArrayList<>();
            if (options.console()) {
                sinks.add(ConsoleAppender.newBuilder().setName("console").setTarget(ConsoleAppender.Target.SYSTEM_ERR)
                        .setLayout(layout).setConfiguration(this).build());
            }
            if (options.syslog()) {
                sinks.add(new UnixSyslogAppender("syslog", options.syslogSocket(), options.facility(), options.ident(),
                        problems));
            }
            if (options.file() != null) {
                Appender file = FileAppender.newBuilder().setName("file").withFileName(options.file().toString())
                        .withAppend(true).setImmediateFlush(true).setLayout(layout).setConfiguration(this).build();
                if (file == null) {
                    problems.println("jkeepalived: cannot open log file " + options.file());
                } else {
                    sinks.add(file);
                }
            }
            List<Appender> targets = new ArrayList<>(sinks);
            // Added, not started: the configuration starts every appender itself when it starts, and an
            // AsyncAppender started twice runs two dispatcher threads that reorder the messages.
            for (Appender a : sinks) {
                addAppender(a);
            }
            if (async && !sinks.isEmpty()) {
                AppenderRef[] refs = sinks.stream().map(a -> AppenderRef.createAppenderRef(a.getName(), null, null))
                        .toArray(AppenderRef[]::new);
                Appender queue = AsyncAppender.newBuilder().setName("async").setAppenderRefs(refs)
                        .setBlocking(false).setBufferSize(ASYNC_QUEUE).setShutdownTimeout(STOP_TIMEOUT_MILLIS)
                        .setIncludeLocation(false).setConfiguration(this).build();
                addAppender(queue);
                targets = List.of(queue);
            }
            LoggerConfig root = getRootLogger();
            root.setLevel(Level.INFO);
            for (Appender a : targets) {
                root.addAppender(a, null, null);
            }
            if (!options.detail()) {
                addFilter(MarkerFilter.createFilter(Log.DETAIL.getName(), Filter.Result.DENY, Filter.Result.NEUTRAL));
            }
        }
    }
}
