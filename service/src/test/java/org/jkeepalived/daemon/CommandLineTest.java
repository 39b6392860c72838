package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jkeepalived.os.log.SyslogFacility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {
    @Test
    void defaultsAreKeepalivedsOnes() throws Exception {
        Options o = CommandLine.parse();
        assertThat(o.action()).isEqualTo(Options.Action.RUN);
        assertThat(o.configFile()).isEqualTo(Path.of("/etc/keepalived/keepalived.conf"));
        assertThat(o.pidFile()).isEqualTo(Path.of("/run/keepalived.pid"));
        assertThat(o.logFacility()).isEqualTo(SyslogFacility.DAEMON);
        assertThat(o.configId()).isNull();
        assertThat(o.logFile()).isNull();
        assertThat(o.configTest()).isFalse();
        assertThat(o.configTestLog()).isNull();
        assertThat(o.dumpConf()).isFalse();
        assertThat(o.logConsole()).isFalse();
        assertThat(o.logDetail()).isFalse();
        assertThat(o.noSyslog()).isFalse();
        assertThat(o.oneShot()).isFalse();
        assertThat(o.notImplemented()).isEmpty();
    }

    @Test
    void everyFlagWithItsShortName() throws Exception {
        Options o = CommandLine.parse("-f", "/k.conf", "-n", "-l", "-D", "-S", "local4", "-G", "-g/var/log/k.log",
                "-i", "node1", "-p", "/run/a.pid", "-r", "/run/v.pid", "-c", "/run/c.pid", "-b", "/run/b.pid", "-P",
                "-C", "-x", "-A", "/run/agentx", "-V", "-I", "-X", "-a", "-s", "ns1", "-d");
        assertThat(o.configFile()).isEqualTo(Path.of("/k.conf"));
        assertThat(o.dontFork()).isTrue();
        assertThat(o.logConsole()).isTrue();
        assertThat(o.logDetail()).isTrue();
        assertThat(o.logFacility()).isEqualTo(SyslogFacility.LOCAL0 + 4);
        assertThat(o.noSyslog()).isTrue();
        assertThat(o.logFile()).isEqualTo(Path.of("/var/log/k.log"));
        assertThat(o.configId()).isEqualTo("node1");
        assertThat(o.pidFile()).isEqualTo(Path.of("/run/a.pid"));
        assertThat(o.vrrpPidFile()).isEqualTo(Path.of("/run/v.pid"));
        assertThat(o.checkersPidFile()).isEqualTo(Path.of("/run/c.pid"));
        assertThat(o.bfdPidFile()).isEqualTo(Path.of("/run/b.pid"));
        assertThat(o.vrrp()).isTrue();
        assertThat(o.check()).isTrue();
        assertThat(o.snmp()).isTrue();
        assertThat(o.snmpAgentSocket()).isEqualTo("/run/agentx");
        assertThat(o.dontReleaseVrrp()).isTrue();
        assertThat(o.dontReleaseIpvs()).isTrue();
        assertThat(o.releaseVips()).isTrue();
        assertThat(o.addressMonitoring()).isTrue();
        assertThat(o.namespace()).isEqualTo("ns1");
        assertThat(o.dumpConf()).isTrue();
        assertThat(o.oneShot()).isTrue();
    }

    @Test
    void everyFlagWithItsLongName() throws Exception {
        Options o = CommandLine.parse("--use-file=/k.conf", "--dont-fork", "--log-console", "--log-detail",
                "--log-facility", "user", "--no-syslog", "--log-file=/l", "--config-id", "n2", "--pid=/p",
                "--vrrp_pid", "/v", "--checkers_pid=/c", "--bfd_pid=/b", "--vrrp", "--check", "--snmp",
                "--snmp-agent-socket=/s", "--dont-release-vrrp", "--dont-release-ipvs", "--release-vips",
                "--address-monitoring", "--namespace=ns", "--dump-conf", "--config-test=/t.log");
        assertThat(o.configFile()).isEqualTo(Path.of("/k.conf"));
        assertThat(o.dontFork() && o.logConsole() && o.logDetail() && o.noSyslog()).isTrue();
        assertThat(o.logFacility()).isEqualTo(SyslogFacility.USER);
        assertThat(o.logFile()).isEqualTo(Path.of("/l"));
        assertThat(o.configId()).isEqualTo("n2");
        assertThat(o.pidFile()).isEqualTo(Path.of("/p"));
        assertThat(o.vrrpPidFile()).isEqualTo(Path.of("/v"));
        assertThat(o.checkersPidFile()).isEqualTo(Path.of("/c"));
        assertThat(o.bfdPidFile()).isEqualTo(Path.of("/b"));
        assertThat(o.vrrp() && o.check() && o.snmp()).isTrue();
        assertThat(o.snmpAgentSocket()).isEqualTo("/s");
        assertThat(o.dontReleaseVrrp() && o.dontReleaseIpvs() && o.releaseVips() && o.addressMonitoring()).isTrue();
        assertThat(o.namespace()).isEqualTo("ns");
        assertThat(o.dumpConf()).isTrue();
        assertThat(o.configTest()).isTrue();
        assertThat(o.configTestLog()).isEqualTo(Path.of("/t.log"));
    }

    @Test
    void shortFlagsCombineAsGetoptAllows() throws Exception {
        Options o = CommandLine.parse("-nlD");
        assertThat(o.dontFork() && o.logConsole() && o.logDetail()).isTrue();

        // A flag taking an argument ends the group; the rest of the word is its argument.
        Options f = CommandLine.parse("-nlf/etc/k.conf");
        assertThat(f.dontFork() && f.logConsole()).isTrue();
        assertThat(f.configFile()).isEqualTo(Path.of("/etc/k.conf"));

        Options g = CommandLine.parse("-lDf", "/x.conf", "-Slocal7");
        assertThat(g.configFile()).isEqualTo(Path.of("/x.conf"));
        assertThat(g.logFacility()).isEqualTo(SyslogFacility.LOCAL0 + 7);
    }

    @Test
    void optionalArgumentsMustBeAttached() throws Exception {
        Options t = CommandLine.parse("-t", "-f", "/k.conf");
        assertThat(t.configTest()).isTrue();
        assertThat(t.configTestLog()).isNull();
        assertThat(t.configFile()).isEqualTo(Path.of("/k.conf"));

        assertThat(CommandLine.parse("-t/tmp/t.log").configTestLog()).isEqualTo(Path.of("/tmp/t.log"));
        assertThat(CommandLine.parse("--config-test").configTestLog()).isNull();
        assertThat(CommandLine.parse("-g").logFile()).isEqualTo(Path.of("/tmp/keepalived.log"));
        assertThat(CommandLine.parse("--log-file").logFile()).isEqualTo(Path.of("/tmp/keepalived.log"));
        assertThat(CommandLine.parse("-lg").logFile()).isEqualTo(Path.of("/tmp/keepalived.log"));
        // "-g FILE": FILE is not -g's argument but a stray word, as with getopt.
        assertThatThrownBy(() -> CommandLine.parse("-g", "/var/log/x")).isInstanceOf(UsageException.class)
                .hasMessage("unexpected argument '/var/log/x'");
    }

    @Test
    void requiredArgumentsTakeTheNextWordEvenWithADash() throws Exception {
        assertThat(CommandLine.parse("-f", "-weird.conf").configFile()).isEqualTo(Path.of("-weird.conf"));
        assertThat(CommandLine.parse("--use-file", "/a").configFile()).isEqualTo(Path.of("/a"));
    }

    @Test
    void longNamesMayBeAbbreviatedToAUniquePrefix() throws Exception {
        assertThat(CommandLine.parse("--dump").dumpConf()).isTrue();
        assertThat(CommandLine.parse("--use=/a.conf").configFile()).isEqualTo(Path.of("/a.conf"));
        assertThat(CommandLine.parse("--vrrp_p", "/v").vrrpPidFile()).isEqualTo(Path.of("/v"));
        // --vrrp is exact even though --vrrp_pid starts with it.
        assertThat(CommandLine.parse("--vrrp").vrrp()).isTrue();
        assertThatThrownBy(() -> CommandLine.parse("--log")).isInstanceOf(UsageException.class)
                .hasMessage("option '--log' is ambiguous");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|16", "7|23", "local0|16", "local5|21", "LOCAL3|19", "daemon|3", "user|1"})
    void logFacilities(String arg, int code) throws Exception {
        assertThat(CommandLine.parse("-S", arg).logFacility()).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-Q|invalid option -- 'Q'",
        "--bogus|unrecognized option '--bogus'",
        "-nQ|invalid option -- 'Q'",
        "-f|option requires an argument -- 'f'",
        "--use-file|option '--use-file' requires an argument",
        "--dont-fork=yes|option '--dont-fork' doesn't allow an argument",
        "-S8|invalid log facility '8' (expected 0-7, local0-local7, user or daemon)",
        "--log-facility=local8|invalid log facility 'local8' (expected 0-7, local0-local7, user or daemon)",
        "-Skern|invalid log facility 'kern' (expected 0-7, local0-local7, user or daemon)",
        "stray|unexpected argument 'stray'",
        "-|unexpected argument '-'",
        "-T|invalid option -- 'T'"})
    void errorsAreOneLine(String arg, String message) {
        assertThatThrownBy(() -> CommandLine.parse(arg)).isInstanceOf(UsageException.class).hasMessage(message);
    }

    @Test
    void doubleDashEndsOptionsAndNothingMayFollow() throws Exception {
        assertThat(CommandLine.parse("-l", "--").logConsole()).isTrue();
        assertThatThrownBy(() -> CommandLine.parse("--", "-l")).isInstanceOf(UsageException.class)
                .hasMessage("unexpected argument '-l'");
    }

    @Test
    void helpVersionAndSignumActAtOnceLikeKeepalived() throws Exception {
        assertThat(CommandLine.parse("-h").action()).isEqualTo(Options.Action.HELP);
        assertThat(CommandLine.parse("--help", "--bogus").action()).isEqualTo(Options.Action.HELP);
        assertThat(CommandLine.parse("-v").action()).isEqualTo(Options.Action.VERSION);
        assertThat(CommandLine.parse("--version").action()).isEqualTo(Options.Action.VERSION);
        assertThat(CommandLine.parse("-lv").action()).isEqualTo(Options.Action.VERSION);
        Options s = CommandLine.parse("--signum=RELOAD");
        assertThat(s.action()).isEqualTo(Options.Action.SIGNUM);
        assertThat(s.signumName()).isEqualTo("RELOAD");
        assertThat(CommandLine.parse("--signum", "JSON").signumName()).isEqualTo("JSON");
        assertThatThrownBy(() -> CommandLine.parse("--signum")).isInstanceOf(UsageException.class);
    }

    @Test
    void keepalivedFlagsWithoutEffectAreAcceptedAndListedOnce() throws Exception {
        Options o = CommandLine.parse("-B", "--all", "-R", "-u", "022", "-m", "-Mcore", "-e", "-R", "--dont-respawn");
        assertThat(o.notImplemented()).containsExactly("-B", "--all", "-R", "-u", "-m", "-M", "-e", "--dont-respawn");
    }

    @Test
    void theCommandLineIsKeptForTheStartUpLog() throws Exception {
        assertThat(CommandLine.parse("-l", "-f", "/a").commandLine()).containsExactly("-l", "-f", "/a");
    }

    @Test
    void usageMentionsEveryLongOption() {
        String usage = CommandLine.usage();
        for (String name : new String[] {"--use-file", "--vrrp", "--check", "--log-console", "--log-detail",
                "--log-facility", "--log-file", "--dont-fork", "--dump-conf", "--pid", "--vrrp_pid", "--checkers_pid",
                "--snmp", "--config-id", "--signum", "--config-test", "--version", "--help"}) {
            assertThat(usage).contains(name);
        }
    }
}
