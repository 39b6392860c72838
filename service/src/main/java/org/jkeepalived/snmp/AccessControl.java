package org.jkeepalived.snmp;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.snmp4j.agent.MOServer;
import org.snmp4j.agent.mo.snmp.CoexistenceInfo;
import org.snmp4j.agent.mo.snmp.CoexistenceInfoProvider;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * Who may do what, as snmp4j-agent's VACM (RFC 3415) configured from the agent configuration, in memory only:
 * every accepted principal reads everything served ({@value #ALL} view on 1.3.6.1); only {@code rw} communities
 * and users write ({@value #NONE} view otherwise, so a SET answers noAccess, RFC 3416 §4.2.5). A user's access
 * entry requires its configured security level, so a lower one gets authorizationError (RFC 3415 §3.2 step 4,
 * noAccessEntry).
 *
 * <p>Communities are this class's {@link CoexistenceInfoProvider} (RFC 3584 §5.2.1), not SNMP-COMMUNITY-MIB: the
 * {@code source} prefix of an entry would need a SNMP-TARGET-MIB transport tag, address row and mask per entry;
 * {@link #passesFilter} checks it directly. An entry's securityName is the community with {@code /rw} or
 * {@code /ro}, mapped to the group of that name.
 */
final class AccessControl implements CoexistenceInfoProvider {
    static final String ALL = "all";
    static final String NONE = "none";
    private static final OID INTERNET = new OID("1.3.6.1");
    private static final OctetString RW = octets("rw");
    private static final OctetString RO = octets("ro");

    /** One community entry: its CoexistenceInfo and the prefix its users must come from (null: any). */
    private record Entry(OctetString community, CoexistenceInfo info, IpPrefix source, boolean write) {
    }

    private final List<Entry> communities = new ArrayList<>();

    private AccessControl(List<SnmpAgentConfig.Community> config, byte[] engineId) {
        for (SnmpAgentConfig.Community c : config) {
            CoexistenceInfo info = new CoexistenceInfo(octets(c.name() + (c.write() ? "/rw" : "/ro")),
                    new OctetString(engineId), new OctetString());
            communities.add(new Entry(octets(c.name()), info, c.source(), c.write()));
        }
        // CommandProcessor takes the first entry that passes the filter: writable ones first, so a community
        // listed both ro and rw for one source writes
        communities.sort(Comparator.comparing(e -> !e.write()));
    }

    /**
     * The community provider, with the VACM groups, access entries and views for {@code communities} and
     * {@code users} set in {@code vacm}.
     */
    static AccessControl configure(VacmMIB vacm, List<SnmpAgentConfig.Community> communities,
                                   List<SnmpAgentConfig.User> users, byte[] engineId) {
        int volatile_ = StorageType.volatile_;
        vacm.addViewTreeFamily(octets(ALL), INTERNET, new OctetString(), VacmMIB.vacmViewIncluded, volatile_);
        vacm.addViewTreeFamily(octets(NONE), INTERNET, new OctetString(), VacmMIB.vacmViewExcluded, volatile_);
        AccessControl access = new AccessControl(communities, engineId);
        for (Entry e : access.communities) {
            vacm.addGroup(SecurityModel.SECURITY_MODEL_SNMPv2c, e.info().getSecurityName(), e.write() ? RW : RO,
                    volatile_);
        }
        for (OctetString group : List.of(RW, RO)) {
            vacm.addAccess(group, new OctetString(), SecurityModel.SECURITY_MODEL_SNMPv2c,
                    SecurityLevel.NOAUTH_NOPRIV, VacmMIB.vacmExactMatch, octets(ALL),
                    octets(group == RW ? ALL : NONE), octets(ALL), volatile_);
        }
        for (SnmpAgentConfig.User u : users) {
            OctetString group = octets("user:" + u.name());
            int level = u.priv() != null ? SecurityLevel.AUTH_PRIV
                    : u.auth() != null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.NOAUTH_NOPRIV;
            vacm.addGroup(SecurityModel.SECURITY_MODEL_USM, octets(u.name()), group, volatile_);
            vacm.addAccess(group, new OctetString(), SecurityModel.SECURITY_MODEL_USM, level,
                    VacmMIB.vacmExactMatch, octets(ALL), octets(u.write() ? ALL : NONE), octets(ALL), volatile_);
        }
        return access;
    }

    /** A VACM over {@code server}'s contexts. Its tables are not registered: managers cannot read or change them. */
    static VacmMIB vacm(MOServer server) {
        return new VacmMIB(new MOServer[] {server});
    }

    /** Why {@code community} from {@code peer} is refused, or null when some entry admits it. */
    String refusal(OctetString community, Address peer) {
        boolean known = false;
        for (Entry e : communities) {
            if (e.community().equals(community)) {
                known = true;
                if (passesFilter(peer, e.info())) {
                    return null;
                }
            }
        }
        return known ? "community not allowed from that address" : "unknown community";
    }

    @Override
    public CoexistenceInfo[] getCoexistenceInfo(OctetString community) {
        return communities.stream().filter(e -> e.community().equals(community)).map(Entry::info)
                .toArray(CoexistenceInfo[]::new);
    }

    @Override
    public OctetString getCommunity(OctetString securityName, OctetString contextEngineID, OctetString contextName) {
        return communities.stream().filter(e -> e.info().getSecurityName().equals(securityName)).findFirst()
                .map(Entry::community).orElse(null);
    }

    @Override
    public boolean passesFilter(Address address, CoexistenceInfo info) {
        for (Entry e : communities) {
            if (e.info() == info) {
                return e.source() == null
                        || (address instanceof IpAddress ip && contains(e.source(), ip.getInetAddress()));
            }
        }
        return false;
    }

    /** Whether {@code a} is inside {@code prefix} (both of one family). */
    static boolean contains(IpPrefix prefix, InetAddress a) {
        byte[] p = prefix.address().getAddress();
        byte[] x = a.getAddress();
        if (p.length != x.length) {
            return false;
        }
        int bits = Math.min(prefix.prefixLength(), p.length * 8);
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (p[i] != x[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (p[full] & mask) == (x[full] & mask);
    }

    static OctetString octets(String s) {
        return new OctetString(s.getBytes(StandardCharsets.UTF_8));
    }
}
