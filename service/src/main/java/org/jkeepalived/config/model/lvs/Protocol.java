package org.jkeepalived.config.model.lvs;

/** The layer-4 protocol of an IPVS service ({@code protocol TCP|UDP|SCTP}). */
public enum Protocol {
    TCP,
    UDP,
    SCTP;

    /** keepalived's lower-case form used in service names, e.g. {@code [10.0.0.1]:tcp:80}. */
    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
