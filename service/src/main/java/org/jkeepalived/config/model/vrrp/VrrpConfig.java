package org.jkeepalived.config.model.vrrp;

/** Stub: vrrp_instance, vrrp_sync_group, static addresses/routes/rules (filled in by the VRRP work). */
public record VrrpConfig() {
    public static VrrpConfig empty() {
        return new VrrpConfig();
    }
}
