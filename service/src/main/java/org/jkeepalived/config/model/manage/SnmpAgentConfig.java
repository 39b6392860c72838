package org.jkeepalived.config.model.manage;

import java.util.List;
import java.util.Objects;
import org.jkeepalived.config.model.IpPrefix;

/**
 * The in-process SNMP agent's transport and security ({@code snmp_agent { ... }}). Whether it runs at all, and
 * which MIBs it serves, follow keepalived's {@code enable_snmp_*} keywords and {@code -x}.
 *
 * @param listen      transport addresses, {@code udp:127.0.0.1:161}, {@code udp6:[::1]:161}; never empty
 * @param communities SNMPv2c communities
 * @param users       SNMPv3 USM users
 * @param trapSinks   where notifications go (none: traps are built but not sent)
 * @param configured  whether the configuration had an {@code snmp_agent} block
 */
public record SnmpAgentConfig(List<String> listen, List<Community> communities, List<User> users,
                              List<TrapSink> trapSinks, boolean configured) {
    public static final String DEFAULT_LISTEN = "udp:127.0.0.1:161";
    public static final String DEFAULT_COMMUNITY = "public";

    public SnmpAgentConfig {
        listen = List.copyOf(listen);
        communities = List.copyOf(communities);
        users = List.copyOf(users);
        trapSinks = List.copyOf(trapSinks);
        if (listen.isEmpty()) {
            throw new IllegalArgumentException("an SNMP agent needs at least one listen address");
        }
    }

    /** Loopback only, community {@code public} read-only, no users, no trap sinks. */
    public static SnmpAgentConfig defaults() {
        return new SnmpAgentConfig(List.of(DEFAULT_LISTEN), List.of(new Community(DEFAULT_COMMUNITY, null, false)),
                List.of(), List.of(), false);
    }

    /**
     * {@code community NAME [source PREFIX] [rw]}.
     *
     * @param name   the community string
     * @param source the managers' addresses allowed to use it, null for any
     * @param write  SET allowed (never by default)
     */
    public record Community(String name, IpPrefix source, boolean write) {
        public Community {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() { // a community string is a password: never print it
            return "Community[********" + (source == null ? "" : " source " + source) + (write ? " rw" : "") + "]";
        }
    }

    /** USM authentication protocols (RFC 3414, RFC 7860). */
    public enum AuthProtocol { MD5, SHA, SHA_224, SHA_256, SHA_384, SHA_512 }

    /** USM privacy protocols (RFC 3414 DES, RFC 3826 AES-128; AES-192/256 as net-snmp's {@code -x AES256}). */
    public enum PrivProtocol { DES, AES, AES_192, AES_256 }

    /**
     * {@code user NAME auth PROTO PASS [priv PROTO PASS] [rw]}.
     *
     * @param auth     null for noAuthNoPriv (refused by the binder: every user authenticates)
     * @param priv     null for authNoPriv
     * @param write    SET allowed
     */
    public record User(String name, AuthProtocol auth, String authPassphrase, PrivProtocol priv,
                       String privPassphrase, boolean write) {
        public User {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() { // never print the passphrases
            return "User[" + name + " auth " + auth + (priv == null ? "" : " priv " + priv) + (write ? " rw" : "") + "]";
        }
    }

    /**
     * {@code trap_sink udp:HOST:PORT [community C | user NAME] [inform]}.
     *
     * @param address   transport address, {@code udp:192.0.2.1:162}
     * @param community v2c community (default {@code public}) when {@code user} is null
     * @param user      a configured USM user's name for SNMPv3 notifications, or null
     * @param inform    send acknowledged InformRequests instead of traps
     */
    public record TrapSink(String address, String community, String user, boolean inform) {
        public TrapSink {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String toString() { // never print the community
            return "TrapSink[" + address + (user != null ? " user " + user : " community ********")
                    + (inform ? " inform" : "") + "]";
        }
    }
}
