package org.jkeepalived.config.model.lvs;

/**
 * {@code DNS_CHECK}: a UDP query must get a valid answer.
 *
 * @param kind     always {@value #KIND}
 * @param type {@code type}: A, NS, CNAME, SOA, MX, TXT or AAAA (SOA)
 * @param name {@code name}: the queried name ("." - keepalived 2.2.7 prints the default as empty; both
 *             mean the root)
 */
public record DnsCheck(String kind, CheckerTiming timing, CheckerConnection connection, String type, String name)
        implements Checker.NetworkChecker {
    public static final String KIND = "DNS_CHECK";

    public DnsCheck {
        if (!KIND.equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    public DnsCheck(CheckerTiming timing, CheckerConnection connection, String type, String name) {
        this(KIND, timing, connection, type, name);
    }
}
