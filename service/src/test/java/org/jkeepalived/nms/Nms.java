package org.jkeepalived.nms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.NetSnmp;
import org.jkeepalived.testsupport.Netns;

/**
 * What the nms-integration tests share: the shipped files under {@code nms-integration/}, jkeepalived
 * configurations for the lab's nodes, and background programs (snmpd, snmptrapd, a TCP listener) run in a
 * namespace and stopped by their process handle, never by name.
 */
final class Nms {
    /** The agent's address inside every node's namespace (each namespace has its own loopback). */
    static final String AGENT = "udp:127.0.0.1:1161";

    private Nms() {
    }

    /** Skips (outside CI) or fails (CI=true) unless {@code file} exists, e.g. a Debian package's config file. */
    static void requireFile(Path file, String debianPackage) {
        if (!Files.isRegularFile(file)) {
            String reason = "needs " + file + " (apt-get install " + debianPackage + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail("CI must run the NMS tests, but this one " + reason);
            }
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
    }

    /** A shipped file, e.g. {@code snmptrapd/snmptrapd.conf}; fails when it is missing. */
    static Path file(String relative) {
        Path p = Launcher.repositoryRoot().resolve("nms-integration").resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("nms-integration/" + relative + " is missing");
        }
        return p;
    }

    static String read(String relative) throws IOException {
        return Files.readString(file(relative), StandardCharsets.UTF_8);
    }

    /**
     * A jkeepalived node: every SNMP part, its agent on {@link #AGENT} with community public and user nms,
     * {@code agentLines} added to snmp_agent (trap_sink, listen), sync group G1 with VI_1 (VRID 51, VIP 10.9.0.100,
     * PASS authentication), and {@code more} (a virtual_server block, or "").
     */
    static String jkeepalived(String routerId, int priority, List<String> agentLines, String more) {
        StringBuilder c = new StringBuilder("""
                global_defs {
                  router_id %s
                  enable_snmp_vrrp
                  enable_snmp_checker
                  enable_snmp_rfc
                  enable_traps
                }
                snmp_agent {
                  listen %s
                  community public
                  user nms auth SHA-256 "nms auth passphrase" priv AES "nms priv passphrase"
                """.formatted(routerId, AGENT));
        for (String s : agentLines) {
            c.append("  ").append(s).append('\n');
        }
        c.append("""
                }
                vrrp_sync_group G1 {
                  group {
                    VI_1
                  }
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 51
                  priority %d
                  advert_int 1
                  authentication {
                    auth_type PASS
                    auth_pass vrrp-pw1
                  }
                  virtual_ipaddress {
                    10.9.0.100/24
                  }
                }
                """.formatted(priority));
        return c.append(more).toString();
    }

    /**
     * A virtual server 10.9.0.100:80 with quorum 2 and two real servers on the node's loopback, ports
     * {@code port1} and {@code port2}, each with a TCP_CHECK every second.
     */
    static String virtualServer(int port1, int port2) {
        return """
                virtual_server 10.9.0.100 80 {
                  delay_loop 1
                  lb_algo rr
                  lb_kind NAT
                  protocol TCP
                  quorum 2
                  real_server 127.0.0.1 %d {
                    TCP_CHECK {
                      connect_timeout 1
                      retry 0
                    }
                  }
                  real_server 127.0.0.1 %d {
                    TCP_CHECK {
                      connect_timeout 1
                      retry 0
                    }
                  }
                }
                """.formatted(port1, port2);
    }

    /** Starts {@code command} in {@code ns}, output to {@code log}, with extra environment {@code env}. */
    static Process start(Netns ns, List<String> command, Path log, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ns.exec(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    /** A TCP listener on 127.0.0.1:{@code port} in {@code ns} (a real server that answers TCP_CHECK). */
    static Process listener(Netns ns, int port, Path log) throws IOException {
        return start(ns, List.of("python3", "-c", """
                import socket
                s = socket.socket()
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(("127.0.0.1", %d))
                s.listen(16)
                while True:
                    c, _ = s.accept()
                    c.close()
                """.formatted(port)), log, Map.of());
    }

    /** SIGTERM, then SIGKILL after 5 s; by the process handle. */
    static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A net-snmp tool with the MIBs loaded, in {@code ns}: {@code tool MIBARGS args...}. */
    static NetSnmp.Result snmp(Netns ns, String tool, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(tool));
        cmd.addAll(NetSnmp.mibArgs());
        cmd.addAll(args);
        return NetSnmp.run(ns.exec(cmd), NetSnmp.TIMEOUT);
    }

    static String readOrEmpty(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
