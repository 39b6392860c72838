package org.jkeepalived.config.bind.manage;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.manage.PrometheusConfig;
import org.jkeepalived.config.syntax.Node;

/**
 * {@code prometheus { listen HOST:PORT }} or {@code prometheus off}. On by default (127.0.0.1:9165), as Jolokia
 * is; several blocks read as one and the last {@code off} or block decides whether it runs. A bad {@code listen}
 * is reported and the default address kept: the endpoint never opens on an address nobody wrote.
 *
 * <p>No warning for a non-loopback address, unlike Jolokia: a Prometheus server scrapes from elsewhere by design,
 * and the endpoint is read-only and carries no credentials (docs/management.md says what it reveals).
 */
final class PrometheusBinder {
    private static final Map<String, Integer> ARITY = Map.of("listen", 1);

    private final BindContext ctx;
    private boolean given;
    private boolean enabled = true;
    private Endpoints.HostPort listen;

    PrometheusBinder(BindContext ctx) {
        this.ctx = ctx;
    }

    void read(Node block) {
        given = true;
        if (ManagementBinder.isOff(block, "prometheus", ctx)) {
            enabled = false;
            return;
        }
        enabled = true;
        for (Options.Option o : Options.read("prometheus", block, ARITY, Set.of(), ctx)) {
            if (!o.name().equals("listen")) {
                throw new IllegalStateException("prometheus option not bound: " + o.name());
            }
            Optional<Endpoints.HostPort> hp = Endpoints.hostPort(o.value());
            if (hp.isEmpty()) {
                ctx.error(o.location(), "prometheus listen '" + o.value() + "' is invalid ("
                        + Endpoints.HOST_PORT_FORMS + ") - ignoring");
            } else {
                listen = hp.get();
            }
        }
    }

    PrometheusConfig build() {
        if (!given) {
            return PrometheusConfig.defaults();
        }
        if (!enabled) {
            return PrometheusConfig.off();
        }
        return listen == null ? PrometheusConfig.defaults() : new PrometheusConfig(true, listen.host(), listen.port());
    }
}
