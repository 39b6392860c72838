package org.jkeepalived.ipvs.kernel;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A connection synchronisation daemon (keepalived's lvs_sync_daemon, IPVS_CMD_ATTR_DAEMON). The optional fields
 * are 0 or null when not set; the kernel then uses its defaults (group 224.0.0.81, port 8848, ttl 1).
 */
public record IpvsSyncDaemon(State state, String interfaceName, int syncId, int maxLength, InetAddress group,
                             int port, int ttl) {
    /** IP_VS_STATE_MASTER / IP_VS_STATE_BACKUP. */
    public enum State {
        MASTER(1), BACKUP(2);

        private final int code;

        State(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        static State of(int code) {
            return code == 1 ? MASTER : code == 2 ? BACKUP : null;
        }
    }

    public IpvsSyncDaemon {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(interfaceName, "interfaceName");
        if (interfaceName.isEmpty() || interfaceName.length() > 15) {
            throw new IllegalArgumentException("interface name '" + interfaceName + "'");
        }
        if (syncId < 0 || syncId > 255 || maxLength < 0 || maxLength > 0xffff || port < 0 || port > 0xffff
                || ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("sync daemon syncid/maxlen/port/ttl out of range");
        }
    }

    public static IpvsSyncDaemon of(State state, String interfaceName, int syncId) {
        return new IpvsSyncDaemon(state, interfaceName, syncId, 0, null, 0, 0);
    }

    boolean groupIsIpv4() {
        return group instanceof Inet4Address;
    }
}
