package org.jkeepalived.nms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.interop.Daemon;
import org.jkeepalived.vrrp.interop.InteropLab;
import org.jkeepalived.vrrp.interop.Node;
import org.junit.jupiter.api.Test;

/**
 * nms-integration/nagios and nms-integration/icinga2: the shipped check commands, run with Debian's check_snmp
 * (monitoring-plugins-standard) against two running jkeepalived nodes: a is MASTER with a virtual server whose two
 * real servers answer, b is BACKUP. The Nagios command lines are expanded as Nagios does ($USER1$, $HOSTADDRESS$,
 * $ARGn$) and run by /bin/sh; the Icinga 2 CheckCommands run in a real Icinga 2 daemon (Debian's icinga2-bin),
 * whose results are read from its PerfdataWriter file. Right states give OK, wrong ones CRITICAL; taking the real
 * servers down one by one gives WARNING, then CRITICAL, and the quorum check goes CRITICAL.
 */
class NagiosIcingaIT extends NmsLab {
    private static final String PLUGINS = "/usr/lib/nagios/plugins";
    private static final String PORT = "1161";

    private Map<String, String> nagios;

    @Test
    void theShippedCommandsSayOkWhenRightAndCriticalWhenWrong() throws Exception {
        Privileged.require("ip", "python3", PLUGINS + "/check_snmp", "icinga2");
        Nms.requireFile(Path.of("/usr/share/icinga2/include/itl"), "icinga2-common");
        nagios = nagiosCommands(Nms.read("nagios/jkeepalived-commands.cfg"));
        assertThat(nagios).containsOnlyKeys("check_jkeepalived_vrrp_state", "check_jkeepalived_real_servers_up",
                "check_jkeepalived_quorum");
        lab = InteropLab.create(dir, 2, "jkn-n");
        Node a = lab.node(0);
        Node b = lab.node(1);
        Daemon jka = lab.daemon(a, Daemon.Kind.JKEEPALIVED, Nms.jkeepalived("jk-a", 150, List.of(),
                Nms.virtualServer(18081, 18082)));
        Daemon jkb = lab.daemon(b, Daemon.Kind.JKEEPALIVED, Nms.jkeepalived("jk-b", 100,
                List.of("listen udp:" + b.ipv4() + ":" + PORT), ""));
        Process rs1 = Nms.listener(a.ns(), 18081, dir.resolve("rs1.log"));
        Process rs2 = Nms.listener(a.ns(), 18082, dir.resolve("rs2.log"));
        processes.addAll(List.of(rs1, rs2));
        jka.start();
        jkb.start();

        // Nagios: instance 1 is MASTER on a, BACKUP on b
        awaitNagios(a, "check_jkeepalived_vrrp_state!" + PORT + "!public!1!2", 0,
                "SNMP OK - VRRP instance \"VI_1\" state 2 |");
        awaitNagios(b, "check_jkeepalived_vrrp_state!" + PORT + "!public!1!1", 0,
                "SNMP OK - VRRP instance \"VI_1\" state 1 |");
        nagios(b, "check_jkeepalived_vrrp_state!" + PORT + "!public!1!2", 2,
                "SNMP CRITICAL - VRRP instance \"VI_1\" state *1* |");
        nagios(a, "check_jkeepalived_vrrp_state!" + PORT + "!public!9!2", 3,
                "No valid data returned (No Such Instance currently exists at this OID)");
        awaitNagios(a, "check_jkeepalived_real_servers_up!" + PORT + "!public!1!2!1", 0,
                "SNMP OK - real servers up 2 total 2 |");
        nagios(a, "check_jkeepalived_quorum!" + PORT + "!public!1", 0,
                "SNMP OK - quorum status (1 met 2 not met) 1 |");

        // Icinga 2: the same through the daemon, SNMPv3 too, and a mistyped state is reported, not run
        Icinga icinga = Icinga.start(a.ns(), dir.resolve("icinga"), Nms.file("icinga2/jkeepalived-commands.conf"),
                """
                object Host "a" { address = "127.0.0.1"; check_command = "dummy"; vars.jkeepalived_snmp_port = %1$s }
                object Host "b" { address = "%2$s"; check_command = "dummy"; vars.jkeepalived_snmp_port = %1$s }
                apply Service "master" {
                  import "every-second"
                  check_command = "jkeepalived-vrrp-state"
                  assign where true
                }
                object Service "backup" {
                  import "every-second"
                  host_name = "b"
                  check_command = "jkeepalived-vrrp-state"
                  vars.jkeepalived_vrrp_expected_state = "backup"
                }
                object Service "mistyped" {
                  import "every-second"
                  host_name = "a"
                  check_command = "jkeepalived-vrrp-state"
                  vars.jkeepalived_vrrp_expected_state = "MASTR"
                }
                object Service "master-v3" {
                  import "every-second"
                  host_name = "a"
                  check_command = "jkeepalived-vrrp-state"
                  vars.jkeepalived_snmp_version = "3"
                  vars.jkeepalived_snmpv3_user = "nms"
                  vars.jkeepalived_snmpv3_authproto = "SHA-256"
                  vars.jkeepalived_snmpv3_authpass = "nms auth passphrase"
                  vars.jkeepalived_snmpv3_privpass = "nms priv passphrase"
                }
                object Service "real-servers" {
                  import "every-second"
                  host_name = "a"
                  check_command = "jkeepalived-real-servers-up"
                  vars.jkeepalived_real_servers_warning = 2
                  vars.jkeepalived_real_servers_critical = 1
                }
                object Service "quorum" { import "every-second"; host_name = "a"; check_command = "jkeepalived-quorum" }
                """.formatted(PORT, b.ipv4()));
        processes.add(icinga.process());
        icinga.await("a!master", "OK", "SNMP OK - VRRP instance \"VI_1\" state 2");
        icinga.await("b!master", "CRITICAL", "SNMP CRITICAL - VRRP instance \"VI_1\" state *1*");
        icinga.await("b!backup", "OK", "SNMP OK - VRRP instance \"VI_1\" state 1");
        icinga.await("a!master-v3", "OK", "SNMP OK - VRRP instance \"VI_1\" state 2");
        icinga.await("a!mistyped", "UNKNOWN",
                "Error: jkeepalived_vrrp_expected_state is 'MASTR': use MASTER, BACKUP or FAULT");
        icinga.await("a!real-servers", "OK", "SNMP OK - real servers up 2 total 2");
        icinga.await("a!quorum", "OK", "SNMP OK - quorum status (1 met 2 not met) 1");

        // one real server down: WARNING (2 wanted), quorum 2 lost
        Nms.stop(rs2);
        awaitNagios(a, "check_jkeepalived_real_servers_up!" + PORT + "!public!1!2!1", 1,
                "SNMP WARNING - real servers up *1* total 2 |");
        nagios(a, "check_jkeepalived_quorum!" + PORT + "!public!1", 2,
                "SNMP CRITICAL - quorum status (1 met 2 not met) *2* |");
        icinga.await("a!real-servers", "WARNING", "SNMP WARNING - real servers up *1* total 2");
        icinga.await("a!quorum", "CRITICAL", "SNMP CRITICAL - quorum status (1 met 2 not met) *2*");
        // both down: CRITICAL
        Nms.stop(rs1);
        awaitNagios(a, "check_jkeepalived_real_servers_up!" + PORT + "!public!1!2!1", 2,
                "SNMP CRITICAL - real servers up *0* total 2 |");
        icinga.await("a!real-servers", "CRITICAL", "SNMP CRITICAL - real servers up *0* total 2");
        assertThat(jka.log()).doesNotContain("Exception");
    }

    /** command_name to command_line of every {@code define command} block. */
    static Map<String, String> nagiosCommands(String cfg) {
        Map<String, String> commands = new LinkedHashMap<>();
        Matcher m = Pattern.compile("define\\s+command\\s*\\{(.*?)\\n\\s*}", Pattern.DOTALL).matcher(cfg);
        while (m.find()) {
            String name = null;
            String line = null;
            for (String l : m.group(1).split("\n")) {
                String t = l.trim();
                if (t.startsWith("command_name")) {
                    name = t.substring("command_name".length()).trim();
                } else if (t.startsWith("command_line")) {
                    line = t.substring("command_line".length()).trim();
                }
            }
            assertThat(name).as("a command without command_name: %s", m.group()).isNotNull();
            assertThat(line).as("%s has no command_line", name).isNotNull();
            commands.put(name, line);
        }
        return commands;
    }

    /**
     * Runs a Nagios {@code check_command} ({@code name!ARG1!ARG2...}) for a host at 127.0.0.1 in the node's
     * namespace, macros expanded as Nagios expands them, through /bin/sh; checks the exit code and that the first
     * output line starts with {@code output}.
     */
    private void nagios(Node n, String checkCommand, int exit, String output) {
        Netns.Result r = runNagios(n, checkCommand);
        assertThat(r.exitCode()).as("%s on %s: %s", checkCommand, n, r.output()).isEqualTo(exit);
        assertThat(r.output()).as("%s on %s", checkCommand, n).startsWith(output);
    }

    /** {@link #nagios} once the agent's state has settled (within 20 s). */
    private void awaitNagios(Node n, String checkCommand, int exit, String output) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Netns.Result r = runNagios(n, checkCommand);
        while (!(r.exitCode() == exit && r.output().startsWith(output)) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            r = runNagios(n, checkCommand);
        }
        nagios(n, checkCommand, exit, output);
    }

    private Netns.Result runNagios(Node n, String checkCommand) {
        String[] parts = checkCommand.split("!");
        String line = nagios.get(parts[0]);
        assertThat(line).as("no command %s in jkeepalived-commands.cfg", parts[0]).isNotNull();
        line = line.replace("$USER1$", PLUGINS).replace("$HOSTADDRESS$", "127.0.0.1");
        for (int i = parts.length - 1; i >= 1; i--) {
            line = line.replace("$ARG" + i + "$", parts[i]);
        }
        assertThat(line).as("every macro expanded").doesNotContain("$");
        return n.ns().run(List.of("sh", "-c", line), 60);
    }

    /**
     * An Icinga 2 daemon in a namespace: the ITL and plugin commands, the shipped CheckCommands, a checker, and
     * a PerfdataWriter that writes {@code host!service TAB state TAB output} for every check result; paths under
     * {@code dir}, running as root (the test's user). Services importing "every-second" are checked every second.
     */
    record Icinga(Process process, Path dir) {
        static Icinga start(Netns ns, Path dir, Path commands, String objects) throws IOException {
            for (String d : List.of("run", "data", "log", "cache", "spool", "perfdata")) {
                Files.createDirectories(dir.resolve(d));
            }
            Path perf = dir.resolve("perfdata");
            Path conf = dir.resolve("icinga2.conf");
            Files.writeString(conf, """
                    include <itl>
                    include <plugins>
                    const PluginDir = "%s"
                    include "%s"
                    object CheckerComponent "checker" { }
                    object PerfdataWriter "results" {
                      service_perfdata_path = "%3$s/service"
                      service_temp_path = "%3$s/service.tmp"
                      host_perfdata_path = "%3$s/host"
                      host_temp_path = "%3$s/host.tmp"
                      service_format_template = "$host.name$!$service.name$\\t$service.state$\\t$service.output$"
                      rotation_interval = 1s
                    }
                    template Service "every-second" { check_interval = 1s; retry_interval = 1s }
                    """.formatted(PLUGINS, commands, perf) + objects);
            List<String> cmd = new ArrayList<>(List.of("icinga2", "daemon", "-c", conf.toString()));
            Map<String, String> paths = Map.of("PidPath", "run/icinga2.pid", "InitRunDir", "run", "DataDir", "data",
                    "LogDir", "log", "CacheDir", "cache", "SpoolDir", "spool", "StatePath", "data/icinga2.state",
                    "ObjectsPath", "cache/icinga2.debug", "VarsPath", "cache/icinga2.vars",
                    "ModAttrPath", "data/modified-attributes.conf");
            paths.forEach((k, v) -> cmd.add("-DConfiguration." + k + "=" + dir.resolve(v)));
            cmd.addAll(List.of("-DConfiguration.RunAsUser=root", "-DConfiguration.RunAsGroup=root"));
            return new Icinga(Nms.start(ns, cmd, dir.resolve("icinga2.log"), Map.of()), dir);
        }

        /** The latest result of each service, from the PerfdataWriter's files (rotated ones first). */
        Map<String, String[]> results() {
            Map<String, String[]> latest = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(dir.resolve("perfdata"))) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("service"))
                        .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                        .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().equals("service"))
                                .thenComparing(p -> p.getFileName().toString())).toList()) {
                    for (String l : Nms.readOrEmpty(f).split("\n")) {
                        String[] fields = l.split("\t", 3);
                        if (fields.length == 3) {
                            latest.put(fields[0], fields);
                        }
                    }
                }
            } catch (IOException e) {
                // not written yet
            }
            return latest;
        }

        /** Waits (30 s) until the latest result of {@code service} has {@code state} and starts with {@code output}. */
        void await(String service, String state, String output) throws InterruptedException {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (true) {
                String[] r = results().get(service);
                if (r != null && r[1].equals(state) && r[2].startsWith(output)) {
                    return;
                }
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("Icinga 2's last result for " + service + ": "
                            + (r == null ? "none" : r[1] + " " + r[2]) + ", wanted " + state + " " + output
                            + "\nicinga2's log:\n" + Nms.readOrEmpty(dir.resolve("icinga2.log")));
                }
                Thread.sleep(250);
            }
        }
    }
}
