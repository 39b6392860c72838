package org.jkeepalived.config.model.lvs;

/** An address family as the LVS keywords name it ({@code ip_family inet|inet6}). */
public enum IpFamily {
    INET,
    INET6
}
