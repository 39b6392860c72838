package org.jkeepalived.config.model.lvs;

/** Stub: virtual_server, virtual_server_group, SSL (filled in by the LVS work). */
public record LvsConfig() {
    public static LvsConfig empty() {
        return new LvsConfig();
    }
}
