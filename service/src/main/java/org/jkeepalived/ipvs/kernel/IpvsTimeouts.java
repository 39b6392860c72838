package org.jkeepalived.ipvs.kernel;

/**
 * Connection timeouts (keepalived's lvs_timeouts, ipvsadm --set): in seconds; 0 in a set leaves the value as is.
 */
public record IpvsTimeouts(int tcpSeconds, int tcpFinSeconds, int udpSeconds) {
    public IpvsTimeouts {
        if (tcpSeconds < 0 || tcpFinSeconds < 0 || udpSeconds < 0) {
            throw new IllegalArgumentException("negative timeout");
        }
    }
}
