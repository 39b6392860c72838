package org.jkeepalived.config.model.vrrp;

/**
 * VRRPv2 {@code authentication} block, as keepalived keeps it after its checks (cleared for VRRPv3 and in
 * strict mode).
 *
 * @param type     NONE, PASS (clear text) or AH (IPsec AH, HMAC-MD5-96)
 * @param password auth_pass, at most 8 characters (keepalived truncates), null for NONE
 */
public record Authentication(Type type, String password) {
    public enum Type { NONE, PASS, AH }

    public static Authentication none() {
        return new Authentication(Type.NONE, null);
    }
}
