package org.jkeepalived.ipvs.kernel;

/** A destination's forwarding method (IP_VS_CONN_F_FWD_MASK values); keepalived's lb_kind NAT, TUN, DR. */
public enum IpvsForwarding {
    MASQ(0), LOCAL(1), TUNNEL(2), ROUTE(3), BYPASS(4);

    private final int code;

    IpvsForwarding(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The method of IPVS_DEST_ATTR_FWD_METHOD (masked with IP_VS_CONN_F_FWD_MASK), or null when unknown. */
    public static IpvsForwarding of(int conn) {
        int c = conn & 0x7;
        for (IpvsForwarding f : values()) {
            if (f.code == c) {
                return f;
            }
        }
        return null;
    }
}
