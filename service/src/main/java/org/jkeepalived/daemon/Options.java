package org.jkeepalived.daemon;

import java.nio.file.Path;
import java.util.List;

/**
 * The parsed command line, keepalived's flags with keepalived's meanings.
 *
 * @param action          what to do: run, or answer {@code -h}, {@code -v}, {@code --signum} and exit
 * @param signumName      the name given to {@code --signum}
 * @param configFile      {@code -f} (default {@code /etc/keepalived/keepalived.conf})
 * @param configId        {@code -i}: the config-id for {@code @id} lines, null for the short host name
 * @param configTest      {@code -t}: check the configuration, print findings, exit with keepalived's code
 * @param configTestLog   {@code -t FILE}: where {@code -t} writes its findings instead of stderr, or null
 * @param dumpConf        {@code -d}/{@code --dump-conf}: print the model as JSON with defaults resolved
 * @param dontFork        {@code -n}: accepted; we always run in the foreground
 * @param logConsole      {@code -l}: copy log messages to stderr
 * @param logDetail       {@code -D}: detailed log messages
 * @param logFacility     {@code -S}: syslog facility code (default daemon)
 * @param noSyslog        {@code -G}: do not log to syslog
 * @param logFile         {@code -g[FILE]}: also log to this file, or null
 * @param pidFile         {@code -p} (default {@code /run/keepalived.pid})
 * @param vrrpPidFile     {@code -r}: accepted (one process: {@link #pidFile} is the only pid file), or null
 * @param checkersPidFile {@code -c}: accepted, as {@code -r}
 * @param bfdPidFile      {@code -b}: accepted, as {@code -r}
 * @param vrrp            {@code -P}: run only the VRRP subsystem
 * @param check           {@code -C}: run only the health-checker subsystem
 * @param snmp            {@code -x}: enable the SNMP subsystem
 * @param snmpAgentSocket {@code -A}: the AgentX master socket, or null
 * @param dontReleaseVrrp {@code -V}: keep VIPs and routes on stop
 * @param dontReleaseIpvs {@code -I}: keep the IPVS topology on stop
 * @param releaseVips     {@code -X}: always try to remove VIPs when leaving MASTER
 * @param addressMonitoring {@code -a}: log every netlink address change
 * @param namespace       {@code -s}: network namespace to run in, or null
 * @param notImplemented  keepalived flags accepted without effect (reported once at start)
 * @param commandLine     the arguments as given, for the start-up log
 */
public record Options(
        Action action,
        String signumName,
        Path configFile,
        String configId,
        boolean configTest,
        Path configTestLog,
        boolean dumpConf,
        boolean dontFork,
        boolean logConsole,
        boolean logDetail,
        int logFacility,
        boolean noSyslog,
        Path logFile,
        Path pidFile,
        Path vrrpPidFile,
        Path checkersPidFile,
        Path bfdPidFile,
        boolean vrrp,
        boolean check,
        boolean snmp,
        String snmpAgentSocket,
        boolean dontReleaseVrrp,
        boolean dontReleaseIpvs,
        boolean releaseVips,
        boolean addressMonitoring,
        String namespace,
        List<String> notImplemented,
        List<String> commandLine) {

    public Options {
        notImplemented = List.copyOf(notImplemented);
        commandLine = List.copyOf(commandLine);
    }

    public enum Action {
        RUN, HELP, VERSION, SIGNUM
    }

    /** One-shot modes that read the configuration, print, and exit without starting anything. */
    public boolean oneShot() {
        return configTest || dumpConf;
    }
}
