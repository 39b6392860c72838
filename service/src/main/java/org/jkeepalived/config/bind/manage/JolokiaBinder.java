package org.jkeepalived.config.bind.manage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.manage.JolokiaConfig;
import org.jkeepalived.config.syntax.Node;

/**
 * {@code jolokia { listen HOST:PORT user U password P policy FILE }} or {@code jolokia off}. On by default
 * (127.0.0.1:8778, read-only policy); several blocks read as one and the last {@code off} or block decides
 * whether it runs. The password is never printed.
 */
final class JolokiaBinder {
    private static final Map<String, Integer> ARITY = arity();

    private final BindContext ctx;
    private Location at;
    private boolean given;
    private boolean enabled = true;
    private Endpoints.HostPort listen;
    private Location listenAt;
    private String user;
    private String password;
    private String policy;
    private Location policyAt;

    JolokiaBinder(BindContext ctx) {
        this.ctx = ctx;
    }

    private static Map<String, Integer> arity() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("listen", 1);
        m.put("user", 1);
        m.put("password", 1);
        m.put("policy", 1);
        return m;
    }

    void read(Node block) {
        given = true;
        at = block.location();
        if (ManagementBinder.isOff(block, "jolokia", ctx)) {
            enabled = false;
            return;
        }
        enabled = true;
        for (Options.Option o : Options.read("jolokia", block, ARITY, Set.of("password"), ctx)) {
            switch (o.name()) {
                case "listen" -> {
                    Optional<Endpoints.HostPort> hp = Endpoints.hostPort(o.value());
                    if (hp.isEmpty()) {
                        ctx.error(o.location(), "jolokia listen '" + o.value() + "' is invalid ("
                                + Endpoints.HOST_PORT_FORMS + ") - ignoring");
                    } else {
                        listen = hp.get();
                        listenAt = o.location();
                    }
                }
                case "user" -> user = o.value();
                case "password" -> password = o.value();
                case "policy" -> {
                    policy = o.value();
                    policyAt = o.location();
                }
                default -> throw new IllegalStateException("jolokia option not bound: " + o.name());
            }
        }
    }

    JolokiaConfig build() {
        if (!given) {
            return JolokiaConfig.defaults();
        }
        if (!enabled) {
            return JolokiaConfig.off();
        }
        if ((user == null) != (password == null)) {
            // Serving without the authentication the operator asked for would be the insecure guess.
            ctx.error(at, "jolokia: " + (user == null ? "password given without user" : "user '" + user
                    + "' given without password") + " - Jolokia stays off");
            return JolokiaConfig.off();
        }
        String p = policy;
        if (p != null && LocalFiles.existing("jolokia policy", p, policyAt, ctx,
                "using the default read-only policy").isEmpty()) {
            p = null;
        }
        Endpoints.HostPort hp = listen != null ? listen
                : new Endpoints.HostPort(JolokiaConfig.DEFAULT_HOST, JolokiaConfig.DEFAULT_PORT, true);
        if (!hp.loopback() && user == null) {
            ctx.error(listenAt, "WARNING - jolokia listens on " + hp.host() + ":" + hp.port()
                    + " without user and password: this exposes management to the network");
        }
        return new JolokiaConfig(true, hp.host(), hp.port(), user, password, p);
    }
}
