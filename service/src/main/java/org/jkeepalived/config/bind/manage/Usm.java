package org.jkeepalived.config.bind.manage;

import java.util.Locale;
import java.util.Map;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.AuthProtocol;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.PrivProtocol;

/** The SNMPv3 USM protocol names of a {@code user} line, as net-snmp's tools spell them. */
final class Usm {
    static final String AUTH_NAMES = "MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512";
    static final String PRIV_NAMES = "DES, AES (AES-128), AES-192, AES-256";

    /**
     * RFC 3414 §11.2: passphrases MUST be at least 8 characters (the key localisation assumes it), and
     * net-snmp refuses shorter ones, so a manager could never use such a user.
     */
    static final int MIN_PASSPHRASE = 8;

    /** RFC 3414 usmUserName is an SnmpAdminString of 1..32 octets. */
    static final int MAX_USER_NAME_OCTETS = 32;

    // Case-insensitive; the hyphen is optional (net-snmp's -x accepts AES256 as well as AES-256).
    private static final Map<String, AuthProtocol> AUTH = Map.of(
            "MD5", AuthProtocol.MD5, "SHA", AuthProtocol.SHA, "SHA224", AuthProtocol.SHA_224,
            "SHA256", AuthProtocol.SHA_256, "SHA384", AuthProtocol.SHA_384, "SHA512", AuthProtocol.SHA_512);
    private static final Map<String, PrivProtocol> PRIV = Map.of(
            "DES", PrivProtocol.DES, "AES", PrivProtocol.AES, "AES128", PrivProtocol.AES,
            "AES192", PrivProtocol.AES_192, "AES256", PrivProtocol.AES_256);

    private Usm() {
    }

    static AuthProtocol auth(String name) {
        return AUTH.get(key(name));
    }

    static PrivProtocol priv(String name) {
        return PRIV.get(key(name));
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT).replace("-", "");
    }
}
