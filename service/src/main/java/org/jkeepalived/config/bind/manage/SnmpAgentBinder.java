package org.jkeepalived.config.bind.manage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.AuthProtocol;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.Community;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.PrivProtocol;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.TrapSink;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.User;
import org.jkeepalived.config.syntax.Node;

/**
 * {@code snmp_agent { listen ..., community ..., user ..., trap_sink ... }}. Every bad line is reported at
 * its place and skipped; the rest of the block still applies. Several blocks read as one. Community
 * strings and passphrases are secrets: no message quotes them.
 */
final class SnmpAgentBinder {
    private static final int DEFAULT_TRAP_PORT = 162;

    private final BindContext ctx;
    private boolean configured;
    /** Any community or user line, even a bad one: the operator chose the credentials, so no default. */
    private boolean credentialsGiven;
    private Location blockLocation;
    private final Map<String, Defined<Endpoints.SnmpAddress>> listen = new LinkedHashMap<>();
    private final Map<String, Defined<Community>> communities = new LinkedHashMap<>();
    private final Map<String, Defined<User>> users = new LinkedHashMap<>();
    private final List<Defined<TrapSink>> sinks = new ArrayList<>();

    private record Defined<T>(T value, Location location) {
    }

    SnmpAgentBinder(BindContext ctx) {
        this.ctx = ctx;
    }

    void read(Node block) {
        if (!configured) {
            blockLocation = block.location();
        }
        configured = true;
        if (!block.args().isEmpty()) {
            ctx.error(block, "snmp_agent takes no arguments (whether SNMP runs follows enable_snmp_* and -x)"
                    + " - ignoring '" + String.join(" ", block.args()) + "'");
        }
        for (Node n : block.children()) {
            switch (n.keyword()) {
                case "listen" -> listen(n);
                case "community" -> community(n);
                case "user" -> user(n);
                case "trap_sink" -> trapSink(n);
                default -> throw new IllegalStateException("snmp_agent keyword not bound: " + n.keyword());
            }
        }
    }

    private void listen(Node n) {
        if (n.args().size() != 1) {
            ctx.error(n, "snmp_agent listen takes one address (" + Endpoints.SNMP_FORMS + ") - ignoring");
            return;
        }
        Optional<Endpoints.SnmpAddress> a = Endpoints.snmp(n.arg(0), null);
        if (a.isEmpty()) {
            ctx.error(n, "snmp_agent listen '" + n.arg(0) + "' is invalid (" + Endpoints.SNMP_FORMS + ") - ignoring");
        } else if (listen.containsKey(a.get().text())) {
            ctx.error(n, "snmp_agent listen " + a.get().text() + " given twice - ignoring");
        } else {
            listen.put(a.get().text(), new Defined<>(a.get(), n.location()));
        }
    }

    /** {@code community NAME [source PREFIX] [rw|ro]}. */
    private void community(Node n) {
        credentialsGiven = true;
        if (n.args().isEmpty()) {
            ctx.error(n, "snmp_agent community needs a community string - ignoring");
            return;
        }
        IpPrefix source = null;
        boolean write = false;
        List<String> a = n.args();
        for (int i = 1; i < a.size(); i++) {
            switch (a.get(i)) {
                case "source" -> {
                    Optional<IpPrefix> p = i + 1 < a.size() ? Values.prefix(a.get(i + 1)) : Optional.empty();
                    if (p.isEmpty()) {
                        ctx.error(n, "snmp_agent community source needs an address or prefix (ADDR[/LEN])"
                                + (i + 1 < a.size() ? ", not '" + a.get(i + 1) + "'" : "") + " - ignoring");
                        return;
                    }
                    source = canonical(p.get());
                    i++;
                }
                case "rw" -> write = true;
                case "ro" -> write = false;
                default -> {
                    ctx.error(n, "snmp_agent community: unknown word '" + a.get(i)
                            + "' (expected source PREFIX, rw or ro) - ignoring");
                    return;
                }
            }
        }
        Defined<Community> before = communities.remove(n.arg(0));
        if (before != null) {
            ctx.error(n, "WARNING - snmp_agent community already defined at " + before.location()
                    + " - this later definition wins");
        }
        communities.put(n.arg(0), new Defined<>(new Community(n.arg(0), source, write), n.location()));
    }

    /** A source prefix with its host bits cleared, so {@code 10.1.2.3/8} means what it says: 10.0.0.0/8. */
    private static IpPrefix canonical(IpPrefix p) {
        byte[] b = p.address().getAddress();
        for (int bit = p.prefixLength(); bit < b.length * 8; bit++) {
            b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return new IpPrefix(InetAddress.getByAddress(b), p.prefixLength());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: 4 or 16 bytes
        }
    }

    /** {@code user NAME auth PROTO PASS [priv PROTO PASS] [rw|ro]}, the options in any order. */
    private void user(Node n) {
        credentialsGiven = true;
        List<String> a = n.args();
        if (a.isEmpty()) {
            ctx.error(n, "snmp_agent user needs a name - ignoring");
            return;
        }
        String name = a.get(0);
        int octets = name.getBytes(StandardCharsets.UTF_8).length;
        if (octets > Usm.MAX_USER_NAME_OCTETS) {
            ctx.error(n, "snmp_agent user name '" + name + "' is longer than " + Usm.MAX_USER_NAME_OCTETS
                    + " octets (RFC 3414 usmUserName) - ignoring");
            return;
        }
        String what = "snmp_agent user '" + name + "'";
        AuthProtocol auth = null;
        String authPass = null;
        PrivProtocol priv = null;
        String privPass = null;
        boolean write = false;
        boolean afterSecret = false;
        for (int i = 1; i < a.size(); i++) {
            String w = a.get(i);
            switch (w) {
                case "auth", "priv" -> {
                    if (i + 2 >= a.size()) {
                        ctx.error(n, what + ": " + w + " needs a protocol and a passphrase - ignoring");
                        return;
                    }
                    String proto = a.get(i + 1);
                    String pass = a.get(i + 2);
                    boolean isAuth = w.equals("auth");
                    if (isAuth ? authPass != null : privPass != null) {
                        ctx.error(n, what + ": " + w + " given twice - ignoring");
                        return;
                    }
                    if (isAuth ? Usm.auth(proto) == null : Usm.priv(proto) == null) {
                        ctx.error(n, what + ": unknown " + w + " protocol '" + proto + "' (" + (isAuth ? Usm.AUTH_NAMES
                                : Usm.PRIV_NAMES) + ") - ignoring");
                        return;
                    }
                    if (pass.length() < Usm.MIN_PASSPHRASE) {
                        ctx.error(n, what + ": the " + w + " passphrase is shorter than " + Usm.MIN_PASSPHRASE
                                + " characters (RFC 3414 section 11.2; net-snmp refuses it) - ignoring");
                        return;
                    }
                    if (isAuth) {
                        auth = Usm.auth(proto);
                        authPass = pass;
                    } else {
                        priv = Usm.priv(proto);
                        privPass = pass;
                    }
                    i += 2;
                    afterSecret = true;
                    continue;
                }
                case "rw" -> write = true;
                case "ro" -> write = false;
                default -> {
                    // The word may be the rest of an unquoted passphrase: never print it.
                    ctx.error(n, what + ": " + (afterSecret
                            ? "unexpected word after a passphrase (quote a passphrase that contains spaces)"
                            : "unknown word '" + w + "' (expected auth, priv, rw or ro)") + " - ignoring");
                    return;
                }
            }
            afterSecret = false;
        }
        if (auth == null) {
            // RFC 3414 noAuthNoPriv users would let anyone who guesses a name read the MIB: not served.
            ctx.error(n, what + " has no auth: every SNMPv3 user must authenticate (auth PROTOCOL PASSPHRASE)"
                    + " - ignoring");
            return;
        }
        Defined<User> before = users.remove(name);
        if (before != null) {
            ctx.error(n, "WARNING - " + what + " already defined at " + before.location()
                    + " - this later definition wins");
        }
        users.put(name, new Defined<>(new User(name, auth, authPass, priv, privPass, write), n.location()));
    }

    /** {@code trap_sink ADDRESS [community C | user NAME] [inform]}; the port defaults to 162. */
    private void trapSink(Node n) {
        List<String> a = n.args();
        if (a.isEmpty()) {
            ctx.error(n, "snmp_agent trap_sink needs an address (" + Endpoints.SNMP_FORMS + ") - ignoring");
            return;
        }
        Optional<Endpoints.SnmpAddress> addr = Endpoints.snmp(a.get(0), DEFAULT_TRAP_PORT);
        if (addr.isEmpty()) {
            ctx.error(n, "snmp_agent trap_sink '" + a.get(0) + "' is invalid (" + Endpoints.SNMP_FORMS
                    + ") - ignoring");
            return;
        }
        String community = null;
        String user = null;
        boolean inform = false;
        for (int i = 1; i < a.size(); i++) {
            String w = a.get(i);
            switch (w) {
                case "community", "user" -> {
                    if (i + 1 >= a.size()) {
                        ctx.error(n, "snmp_agent trap_sink: " + w + " needs a value - ignoring");
                        return;
                    }
                    if (community != null || user != null) {
                        ctx.error(n, "snmp_agent trap_sink takes either community or user, once - ignoring");
                        return;
                    }
                    if (w.equals("community")) {
                        community = a.get(++i);
                    } else {
                        user = a.get(++i);
                    }
                }
                case "inform" -> inform = true;
                default -> {
                    ctx.error(n, "snmp_agent trap_sink: unknown word '" + w
                            + "' (expected community C, user NAME or inform) - ignoring");
                    return;
                }
            }
        }
        if (user == null && community == null) {
            community = SnmpAgentConfig.DEFAULT_COMMUNITY;
        }
        sinks.add(new Defined<>(new TrapSink(addr.get().text(), community, user, inform), n.location()));
    }

    SnmpAgentConfig build() {
        if (!configured) {
            return SnmpAgentConfig.defaults();
        }
        List<String> addresses = listen.isEmpty() ? List.of(SnmpAgentConfig.DEFAULT_LISTEN) : List.copyOf(listen.keySet());
        List<Community> comms = credentialsGiven
                ? communities.values().stream().map(Defined::value).toList()
                : List.of(new Community(SnmpAgentConfig.DEFAULT_COMMUNITY, null, false));
        List<User> usms = users.values().stream().map(Defined::value).toList();
        List<TrapSink> sinkList = new ArrayList<>();
        for (Defined<TrapSink> s : sinks) {
            String u = s.value().user();
            if (u != null && !users.containsKey(u)) {
                // the user may be defined after the sink, so this is judged once the block is read
                ctx.error(s.location(), "snmp_agent trap_sink " + s.value().address() + ": user '" + u
                        + "' is not defined in snmp_agent - ignoring this trap sink");
            } else {
                sinkList.add(s.value());
            }
        }
        if (credentialsGiven && comms.isEmpty() && usms.isEmpty()) {
            ctx.diagnostics().note(blockLocation, "snmp_agent has no usable community or user: every SNMP request"
                    + " will be refused");
        }
        if (!credentialsGiven) {
            listen.values().stream().filter(a -> !a.value().address().isLoopbackAddress()).findFirst().ifPresent(a ->
                    ctx.error(a.location(), "WARNING - snmp_agent listens on " + a.value().text()
                            + " with only the default read-only community 'public': this exposes management to"
                            + " the network (give a community with source, or SNMPv3 users)"));
        }
        return new SnmpAgentConfig(addresses, comms, usms, sinkList, true);
    }
}
