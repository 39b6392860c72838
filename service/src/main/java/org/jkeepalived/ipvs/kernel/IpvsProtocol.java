package org.jkeepalived.ipvs.kernel;

/** The transport protocols IPVS balances (IPVS_SVC_ATTR_PROTOCOL carries the IP protocol number). */
public enum IpvsProtocol {
    TCP(6), UDP(17), SCTP(132);

    private final int number;

    IpvsProtocol(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The protocol of an IP protocol number, or null when IPVS does not balance it. */
    public static IpvsProtocol of(int number) {
        for (IpvsProtocol p : values()) {
            if (p.number == number) {
                return p;
            }
        }
        return null;
    }
}
