package org.jkeepalived.config.model.manage;

/**
 * The embedded Jolokia agent ({@code jolokia { listen HOST:PORT user U password P policy FILE }} or
 * {@code jolokia off}).
 *
 * @param enabled    on unless {@code jolokia off}
 * @param host       the address it listens on
 * @param port       its TCP port
 * @param user       basic-auth user, or null for none
 * @param password   basic-auth password, or null
 * @param policyFile a Jolokia access policy (restrictor) file, or null for the read-only one in {@code jmx/}
 */
public record JolokiaConfig(boolean enabled, String host, int port, String user, String password, String policyFile) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8778;

    public static JolokiaConfig defaults() {
        return new JolokiaConfig(true, DEFAULT_HOST, DEFAULT_PORT, null, null, null);
    }

    public static JolokiaConfig off() {
        return new JolokiaConfig(false, DEFAULT_HOST, DEFAULT_PORT, null, null, null);
    }

    @Override
    public String toString() { // never print the password
        return "JolokiaConfig[" + (enabled ? host + ":" + port : "off") + (user == null ? "" : " user " + user)
                + (policyFile == null ? "" : " policy " + policyFile) + "]";
    }
}
