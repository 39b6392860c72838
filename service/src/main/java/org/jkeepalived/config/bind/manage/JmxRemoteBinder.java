package org.jkeepalived.config.bind.manage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.SystemView.FileInfo;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.manage.JmxRemoteConfig;
import org.jkeepalived.config.syntax.Node;

/**
 * {@code jmx_remote { listen HOST:PORT password_file F access_file F [ssl] }}: off unless given, and then
 * always authenticated, so a block without both files leaves remote JMX off (with the reason) rather than
 * open. {@code jmx_remote off} is accepted for symmetry with {@code jolokia off}.
 */
final class JmxRemoteBinder {
    private static final Map<String, Integer> ARITY = arity();
    private static final String STAYS_OFF = "remote JMX stays off";

    private final BindContext ctx;
    private Location at;
    private boolean enabled;
    private Endpoints.HostPort listen;
    private String passwordFile;
    private Location passwordAt;
    private String accessFile;
    private Location accessAt;
    private boolean ssl;

    JmxRemoteBinder(BindContext ctx) {
        this.ctx = ctx;
    }

    private static Map<String, Integer> arity() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("listen", 1);
        m.put("password_file", 1);
        m.put("access_file", 1);
        m.put("ssl", 0);
        return m;
    }

    void read(Node block) {
        at = block.location();
        if (ManagementBinder.isOff(block, "jmx_remote", ctx)) {
            enabled = false;
            return;
        }
        enabled = true;
        for (Options.Option o : Options.read("jmx_remote", block, ARITY, Set.of(), ctx)) {
            switch (o.name()) {
                case "listen" -> {
                    Optional<Endpoints.HostPort> hp = Endpoints.hostPort(o.value());
                    if (hp.isEmpty()) {
                        ctx.error(o.location(), "jmx_remote listen '" + o.value() + "' is invalid ("
                                + Endpoints.HOST_PORT_FORMS + ") - ignoring");
                    } else {
                        listen = hp.get();
                    }
                }
                case "password_file" -> {
                    passwordFile = o.value();
                    passwordAt = o.location();
                }
                case "access_file" -> {
                    accessFile = o.value();
                    accessAt = o.location();
                }
                case "ssl" -> ssl = true;
                default -> throw new IllegalStateException("jmx_remote option not bound: " + o.name());
            }
        }
    }

    JmxRemoteConfig build() {
        if (!enabled) {
            return JmxRemoteConfig.off();
        }
        if (passwordFile == null || accessFile == null) {
            ctx.error(at, "jmx_remote needs both password_file and access_file (remote JMX always authenticates);"
                    + " missing " + (passwordFile == null && accessFile == null ? "both"
                    : passwordFile == null ? "password_file" : "access_file") + " - " + STAYS_OFF);
            return JmxRemoteConfig.off();
        }
        Optional<FileInfo> passwords = LocalFiles.existing("jmx_remote password_file", passwordFile, passwordAt, ctx,
                STAYS_OFF);
        boolean accessOk = LocalFiles.existing("jmx_remote access_file", accessFile, accessAt, ctx, STAYS_OFF)
                .isPresent();
        if (passwords.isEmpty() || !accessOk) {
            return JmxRemoteConfig.off();
        }
        if ((passwords.get().mode() & 0077) != 0) {
            // The JDK's own agent refuses such a file; we serve it, but say so.
            ctx.error(passwordAt, "WARNING - jmx_remote password_file '" + passwordFile
                    + "' is readable or writable by group or others (chmod 600 it)");
        }
        String host = listen != null ? listen.host() : JmxRemoteConfig.DEFAULT_HOST;
        int port = listen != null ? listen.port() : JmxRemoteConfig.DEFAULT_PORT;
        return new JmxRemoteConfig(true, host, port, passwordFile, accessFile, ssl);
    }
}
