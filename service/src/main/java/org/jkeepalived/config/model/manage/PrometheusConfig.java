package org.jkeepalived.config.model.manage;

/**
 * The native Prometheus endpoint ({@code prometheus { listen HOST:PORT }} or {@code prometheus off}): the text
 * exposition format at {@code http://HOST:PORT/metrics}. On by default on the loopback only, like Jolokia: it
 * is read-only and carries no secrets, but the network sees nothing the operator did not open.
 *
 * @param enabled on unless {@code prometheus off}
 * @param host    the address it listens on
 * @param port    its TCP port (9165 by default, the port the keepalived exporters use)
 */
public record PrometheusConfig(boolean enabled, String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9165;

    public static PrometheusConfig defaults() {
        return new PrometheusConfig(true, DEFAULT_HOST, DEFAULT_PORT);
    }

    public static PrometheusConfig off() {
        return new PrometheusConfig(false, DEFAULT_HOST, DEFAULT_PORT);
    }
}
