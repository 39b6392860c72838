package org.jkeepalived.check.dns;

import java.util.Locale;

/** The query types DNS_CHECK accepts (keepalived.conf(5): A|NS|CNAME|SOA|MX|TXT|AAAA), with RFC 1035/3596 codes. */
public enum DnsType {
    A(1), NS(2), CNAME(5), SOA(6), MX(15), TXT(16), AAAA(28);

    private final int code;

    DnsType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type named in the config (case-insensitive), or IllegalArgumentException naming it. */
    public static DnsType parse(String name) {
        if (name == null || name.isEmpty()) {
            return SOA;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DNS_CHECK: unknown type '" + name + "'");
        }
    }

    /** The name of a type code, or TYPEnnn (RFC 3597 style) for one we do not know. */
    public static String nameOf(int code) {
        for (DnsType t : values()) {
            if (t.code == code) {
                return t.name();
            }
        }
        return "TYPE" + code;
    }
}
