package org.jkeepalived.snmp;

import java.util.List;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.os.log.Log;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/** The configured SNMPv3 users as a snmp4j USM with exactly the protocols the configuration can name. */
final class UsmUsers {
    private UsmUsers() {
    }

    static SecurityProtocols protocols() {
        SecurityProtocols sp = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        sp.addAuthenticationProtocol(new AuthMD5());
        sp.addAuthenticationProtocol(new AuthSHA());
        sp.addAuthenticationProtocol(new AuthHMAC128SHA224());
        sp.addAuthenticationProtocol(new AuthHMAC192SHA256());
        sp.addAuthenticationProtocol(new AuthHMAC256SHA384());
        sp.addAuthenticationProtocol(new AuthHMAC384SHA512());
        sp.addPrivacyProtocol(new PrivDES());
        sp.addPrivacyProtocol(new PrivAES128());
        sp.addPrivacyProtocol(new PrivAES192());
        sp.addPrivacyProtocol(new PrivAES256());
        return sp;
    }

    static OID auth(SnmpAgentConfig.AuthProtocol p) {
        return switch (p) {
            case MD5 -> AuthMD5.ID;
            case SHA -> AuthSHA.ID;
            case SHA_224 -> AuthHMAC128SHA224.ID;
            case SHA_256 -> AuthHMAC192SHA256.ID;
            case SHA_384 -> AuthHMAC256SHA384.ID;
            case SHA_512 -> AuthHMAC384SHA512.ID;
        };
    }

    static OID priv(SnmpAgentConfig.PrivProtocol p) {
        return switch (p) {
            case DES -> PrivDES.ID;
            case AES -> PrivAES128.ID;
            case AES_192 -> PrivAES192.ID;
            case AES_256 -> PrivAES256.ID;
        };
    }

    /** A snmp4j user for {@code u} (null protocols for noAuth/noPriv). */
    static UsmUser user(SnmpAgentConfig.User u) {
        return new UsmUser(AccessControl.octets(u.name()), u.auth() == null ? null : auth(u.auth()),
                u.auth() == null ? null : AccessControl.octets(u.authPassphrase()),
                u.priv() == null ? null : priv(u.priv()),
                u.priv() == null ? null : AccessControl.octets(u.privPassphrase()));
    }

    /**
     * A USM for the local engine with the users. {@code localizedOnly}: keys are made for the local engine only
     * (the agent's side: a message naming another engine cannot make it localize and remember keys per engine);
     * otherwise the notification side, which localizes for each inform receiver it discovers.
     */
    static USM usm(byte[] engineId, int boots, CounterSupport counters, List<SnmpAgentConfig.User> users,
                   boolean localizedOnly, Log log) {
        USM usm = new USM(protocols(), new OctetString(engineId), boots, counters);
        for (SnmpAgentConfig.User u : users) {
            if (u.auth() == null) {
                log.error("SNMP agent: user " + u.name() + " ignored: SNMPv3 users must authenticate");
                continue;
            }
            try {
                if (localizedOnly) {
                    usm.addUser(AccessControl.octets(u.name()), new OctetString(engineId), user(u));
                } else {
                    usm.addUser(user(u));
                }
            } catch (RuntimeException e) {
                log.error("SNMP agent: user " + u.name() + " ignored: " + e.getMessage());
            }
        }
        return usm;
    }
}
