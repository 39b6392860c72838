package org.jkeepalived.config.model.manage;

/**
 * Remote JMX ({@code jmx_remote { listen HOST:PORT password_file F access_file F [ssl] }}); off unless the block
 * is given, and then it always authenticates.
 *
 * @param enabled      whether the block was given
 * @param host         the address the RMI connector listens on
 * @param port         its registry and server port (one port)
 * @param passwordFile the JMX password file (required when enabled)
 * @param accessFile   the JMX access file (required when enabled)
 * @param ssl          serve the connector over TLS (the JVM's default SSL context: javax.net.ssl.* properties)
 */
public record JmxRemoteConfig(boolean enabled, String host, int port, String passwordFile, String accessFile,
                              boolean ssl) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9010;

    public static JmxRemoteConfig off() {
        return new JmxRemoteConfig(false, DEFAULT_HOST, DEFAULT_PORT, null, null, false);
    }
}
