package org.jkeepalived.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jkeepalived.os.log.SyslogFacility;

/**
 * Parses keepalived's command line as its getopt_long does: short flags combine ({@code -nlD}), a required
 * argument is attached or the next word ({@code -fFILE}, {@code -f FILE}), an optional one only attached
 * ({@code -gFILE}, {@code --log-file=FILE}); long names may be abbreviated to a unique prefix; {@code --}
 * ends the options. {@code -h}, {@code -v} and {@code --signum} act at once, as keepalived exits when it
 * meets them. Pure: no I/O, so every rule is unit-tested.
 */
public final class CommandLine {
    public static final Path DEFAULT_CONFIG = Path.of("/etc/keepalived/keepalived.conf");
    public static final Path DEFAULT_PID_FILE = Path.of("/run/keepalived.pid");
    /** keepalived's default for {@code -g} without a file name. */
    public static final Path DEFAULT_LOG_FILE = Path.of("/tmp/keepalived.log");

    private enum Arg { NONE, REQUIRED, OPTIONAL }

    private record Opt(char shortName, String longName, Arg arg, BiConsumer<Builder, String> apply) {
    }

    private static final char NO_SHORT = 0;

    private static final List<Opt> OPTIONS = List.of(
            new Opt('f', "use-file", Arg.REQUIRED, (b, v) -> b.configFile = Path.of(v)),
            new Opt('P', "vrrp", Arg.NONE, (b, v) -> b.vrrp = true),
            new Opt('C', "check", Arg.NONE, (b, v) -> b.check = true),
            new Opt('l', "log-console", Arg.NONE, (b, v) -> b.logConsole = true),
            new Opt('D', "log-detail", Arg.NONE, (b, v) -> b.logDetail = true),
            new Opt('S', "log-facility", Arg.REQUIRED, Builder::facility),
            new Opt('G', "no-syslog", Arg.NONE, (b, v) -> b.noSyslog = true),
            new Opt('g', "log-file", Arg.OPTIONAL, (b, v) -> b.logFile = v == null ? DEFAULT_LOG_FILE : Path.of(v)),
            new Opt('V', "dont-release-vrrp", Arg.NONE, (b, v) -> b.dontReleaseVrrp = true),
            new Opt('I', "dont-release-ipvs", Arg.NONE, (b, v) -> b.dontReleaseIpvs = true),
            new Opt('X', "release-vips", Arg.NONE, (b, v) -> b.releaseVips = true),
            new Opt('n', "dont-fork", Arg.NONE, (b, v) -> b.dontFork = true),
            new Opt('d', "dump-conf", Arg.NONE, (b, v) -> b.dumpConf = true),
            new Opt('p', "pid", Arg.REQUIRED, (b, v) -> b.pidFile = Path.of(v)),
            new Opt('r', "vrrp_pid", Arg.REQUIRED, (b, v) -> b.vrrpPidFile = Path.of(v)),
            new Opt('c', "checkers_pid", Arg.REQUIRED, (b, v) -> b.checkersPidFile = Path.of(v)),
            new Opt('b', "bfd_pid", Arg.REQUIRED, (b, v) -> b.bfdPidFile = Path.of(v)),
            new Opt('a', "address-monitoring", Arg.NONE, (b, v) -> b.addressMonitoring = true),
            new Opt('x', "snmp", Arg.NONE, (b, v) -> b.snmp = true),
            new Opt('A', "snmp-agent-socket", Arg.REQUIRED, (b, v) -> b.snmpAgentSocket = v),
            new Opt('s', "namespace", Arg.REQUIRED, (b, v) -> b.namespace = v),
            new Opt('i', "config-id", Arg.REQUIRED, (b, v) -> b.configId = v),
            new Opt('t', "config-test", Arg.OPTIONAL, (b, v) -> {
                b.configTest = true;
                b.configTestLog = v == null ? null : Path.of(v);
            }),
            new Opt('v', "version", Arg.NONE, (b, v) -> b.action = Options.Action.VERSION),
            new Opt('h', "help", Arg.NONE, (b, v) -> b.action = Options.Action.HELP),
            new Opt(NO_SHORT, "signum", Arg.REQUIRED, (b, v) -> {
                b.action = Options.Action.SIGNUM;
                b.signumName = v;
            }),
            // keepalived flags with nothing to act on in a single JVM process: accepted so that existing
            // KEEPALIVED_OPTIONS keep working, and reported once at start.
            new Opt('B', "no_bfd", Arg.NONE, Builder::notImplemented),
            new Opt(NO_SHORT, "all", Arg.NONE, Builder::notImplemented),
            new Opt('R', "dont-respawn", Arg.NONE, Builder::notImplemented),
            new Opt('u', "umask", Arg.REQUIRED, Builder::notImplemented),
            new Opt('m', "core-dump", Arg.NONE, Builder::notImplemented),
            new Opt('M', "core-dump-pattern", Arg.OPTIONAL, Builder::notImplemented),
            new Opt('e', "all-config", Arg.NONE, Builder::notImplemented));

    private CommandLine() {
    }

    /** The options {@code args} ask for; throws {@link UsageException} with a one-line message. */
    public static Options parse(String... args) throws UsageException {
        Builder b = new Builder(args);
        for (int i = 0; i < args.length && b.action == Options.Action.RUN; i++) {
            String a = args[i];
            if (a.equals("--")) {
                if (i + 1 < args.length) {
                    throw new UsageException("unexpected argument '" + args[i + 1] + "'");
                }
                break;
            } else if (a.startsWith("--")) {
                i = parseLong(b, args, i);
            } else if (a.startsWith("-") && a.length() > 1) {
                i = parseShorts(b, args, i);
            } else {
                throw new UsageException("unexpected argument '" + a + "'");
            }
        }
        return b.build();
    }

    private static int parseLong(Builder b, String[] args, int i) throws UsageException {
        String word = args[i].substring(2);
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        String value = eq < 0 ? null : word.substring(eq + 1);
        Opt o = findLong(name);
        String shown = "--" + o.longName;
        switch (o.arg) {
            case NONE -> {
                if (value != null) {
                    throw new UsageException("option '" + shown + "' doesn't allow an argument");
                }
            }
            case REQUIRED -> {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option '" + shown + "' requires an argument");
                    }
                    value = args[++i];
                }
            }
            case OPTIONAL -> {
            }
        }
        b.apply(o, shown, value);
        return i;
    }

    private static int parseShorts(Builder b, String[] args, int i) throws UsageException {
        String word = args[i];
        for (int j = 1; j < word.length() && b.action == Options.Action.RUN; j++) {
            char c = word.charAt(j);
            Opt o = findShort(c);
            String shown = "-" + c;
            String rest = word.substring(j + 1);
            switch (o.arg) {
                case NONE -> {
                    b.apply(o, shown, null);
                    continue;
                }
                case REQUIRED -> {
                    if (rest.isEmpty()) {
                        if (i + 1 >= args.length) {
                            throw new UsageException("option requires an argument -- '" + c + "'");
                        }
                        rest = args[++i];
                    }
                    b.apply(o, shown, rest);
                }
                case OPTIONAL -> b.apply(o, shown, rest.isEmpty() ? null : rest);
            }
            break;
        }
        return i;
    }

    private static Opt findShort(char c) throws UsageException {
        for (Opt o : OPTIONS) {
            if (o.shortName == c) {
                return o;
            }
        }
        throw new UsageException("invalid option -- '" + c + "'");
    }

    /** Exact long name, else a unique prefix (getopt_long's abbreviations). */
    private static Opt findLong(String name) throws UsageException {
        Opt found = null;
        for (Opt o : OPTIONS) {
            if (o.longName.equals(name)) {
                return o;
            }
            if (!name.isEmpty() && o.longName.startsWith(name)) {
                if (found != null) {
                    throw new UsageException("option '--" + name + "' is ambiguous");
                }
                found = o;
            }
        }
        if (found == null) {
            throw new UsageException("unrecognized option '--" + name + "'");
        }
        return found;
    }

    /** The {@code -h} text. */
    public static String usage() {
        return """
                Usage: jkeepalived [OPTION...]
                  -f, --use-file=FILE          Use the specified configuration file
                                                default '/etc/keepalived/keepalived.conf'
                  -P, --vrrp                   Only run with VRRP subsystem
                  -C, --check                  Only run with Health-checker subsystem
                  -l, --log-console            Log messages to local console (stderr)
                  -D, --log-detail             Detailed log messages
                  -S, --log-facility=([0-7]|local[0-7]|user|daemon)
                                               Set syslog facility to LOG_LOCAL[0-7], user or daemon (default)
                  -G, --no-syslog              Don't log via syslog
                  -g, --log-file[=FILE]        Also log to FILE (default /tmp/keepalived.log)
                  -V, --dont-release-vrrp      Don't remove VRRP VIPs and VROUTEs on daemon stop
                  -I, --dont-release-ipvs      Don't remove IPVS topology on daemon stop
                  -X, --release-vips           Drop VIP on transition from signal
                  -n, --dont-fork              Don't fork the daemon process (always the case)
                  -d, --dump-conf              Print the configuration, defaults resolved, as JSON and exit
                  -p, --pid=FILE               Use specified pidfile (default /run/keepalived.pid)
                  -r, --vrrp_pid=FILE          Accepted; one process, one pid file (-p)
                  -c, --checkers_pid=FILE      Accepted; one process, one pid file (-p)
                  -b, --bfd_pid=FILE           Accepted; one process, one pid file (-p)
                  -a, --address-monitoring     Report all address additions/deletions notified via netlink
                  -x, --snmp                   Enable SNMP subsystem
                  -A, --snmp-agent-socket=FILE Use the specified socket for master agent
                  -s, --namespace=NAME         Run in network namespace NAME (overrides config)
                  -i, --config-id id           Skip any configuration lines beginning '@' that don't match id
                                                or any lines beginning @^ that do match.
                                                The config-id defaults to the node name if option not used
                      --signum=SIGFUNC         Return signal number for STOP, RELOAD, DATA, STATS, STATS_CLEAR, JSON
                  -t, --config-test[=LOG_FILE] Check the configuration for obvious errors, output to
                                                stderr by default
                  -v, --version                Display the version number
                  -h, --help                   Display this help message
                Accepted without effect: -B --no_bfd, --all, -R --dont-respawn, -u --umask, -m, -M, -e.
                """;
    }

    private static final class Builder {
        private final String[] args;
        Options.Action action = Options.Action.RUN;
        String signumName;
        Path configFile = DEFAULT_CONFIG;
        String configId;
        boolean configTest;
        Path configTestLog;
        boolean dumpConf;
        boolean dontFork;
        boolean logConsole;
        boolean logDetail;
        int logFacility = SyslogFacility.DAEMON;
        boolean noSyslog;
        Path logFile;
        Path pidFile = DEFAULT_PID_FILE;
        Path vrrpPidFile;
        Path checkersPidFile;
        Path bfdPidFile;
        boolean vrrp;
        boolean check;
        boolean snmp;
        String snmpAgentSocket;
        boolean dontReleaseVrrp;
        boolean dontReleaseIpvs;
        boolean releaseVips;
        boolean addressMonitoring;
        String namespace;
        final List<String> notImplemented = new ArrayList<>();
        private String current;

        Builder(String[] args) {
            this.args = args;
        }

        void apply(Opt o, String shown, String value) throws UsageException {
            current = shown;
            try {
                o.apply.accept(this, value);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }

        void facility(String v) {
            logFacility = SyslogFacility.parse(v);
        }

        void notImplemented(String v) {
            if (!notImplemented.contains(current)) {
                notImplemented.add(current);
            }
        }

        Options build() {
            return new Options(action, signumName, configFile, configId, configTest, configTestLog, dumpConf, dontFork,
                    logConsole, logDetail, logFacility, noSyslog, logFile, pidFile, vrrpPidFile, checkersPidFile,
                    bfdPidFile, vrrp, check, snmp, snmpAgentSocket, dontReleaseVrrp, dontReleaseIpvs, releaseVips,
                    addressMonitoring, namespace, notImplemented, List.of(args));
        }
    }
}
