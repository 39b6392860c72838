package org.jkeepalived.snmp.mib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.SMIConstants;

/**
 * A small SMIv2 reader for tests: the {@code ::= { parent n }} assignments of OBJECT-TYPE, OBJECT IDENTIFIER,
 * MODULE-IDENTITY, OBJECT-IDENTITY and NOTIFICATION-TYPE, the SYNTAX of each OBJECT-TYPE reduced to its SMI base
 * type (through the module's TEXTUAL-CONVENTIONs and the imported SNMPv2-TC / INET-ADDRESS-MIB / IF-MIB ones), and
 * which OBJECT-TYPEs are conceptual rows (INDEX / AUGMENTS). Enough to check served OIDs, not a MIB compiler.
 */
final class MibText {
    /** One declared object. */
    record Decl(String name, OID oid, String kind, int syntax, String access, boolean entry, String parent) {
    }

    private static final Pattern DEF = Pattern.compile(
            "\\b([a-z][\\w-]*)\\s+(OBJECT-TYPE|OBJECT\\s+IDENTIFIER|MODULE-IDENTITY|OBJECT-IDENTITY|NOTIFICATION-TYPE"
                    + "|OBJECT-GROUP|NOTIFICATION-GROUP|MODULE-COMPLIANCE)\\b(.*?)::=\\s*\\{([^}]*)}",
            Pattern.DOTALL);
    private static final Pattern TC = Pattern.compile(
            "\\b([A-Z][\\w-]*)\\s*::=\\s*TEXTUAL-CONVENTION\\b.*?\\bSYNTAX\\s+([A-Za-z][\\w-]*(?:\\s+STRING)?)",
            Pattern.DOTALL);
    private static final Pattern SYNTAX = Pattern.compile("\\bSYNTAX\\s+([A-Za-z][\\w-]*(?:\\s+STRING|\\s+OF)?)");
    private static final Pattern ACCESS = Pattern.compile("\\bMAX-ACCESS\\s+([\\w-]+)");

    /** Imported textual conventions (SNMPv2-TC, INET-ADDRESS-MIB, IF-MIB) and the SMI base types. */
    private static final Map<String, String> IMPORTED = Map.ofEntries(
            Map.entry("DisplayString", "OCTET STRING"), Map.entry("TruthValue", "INTEGER"),
            Map.entry("MacAddress", "OCTET STRING"), Map.entry("RowStatus", "INTEGER"),
            Map.entry("TimeStamp", "TimeTicks"), Map.entry("TimeInterval", "INTEGER"),
            Map.entry("InetAddressType", "INTEGER"), Map.entry("InetAddress", "OCTET STRING"),
            Map.entry("InetPortNumber", "Unsigned32"), Map.entry("InetAddressPrefixLength", "Unsigned32"),
            Map.entry("InetScopeType", "INTEGER"), Map.entry("InterfaceIndex", "Integer32"),
            Map.entry("InterfaceIndexOrZero", "Integer32"));

    private final Map<String, Decl> byOid = new HashMap<>();
    private final Map<String, Decl> byName = new HashMap<>();

    /** Reads the modules; a name used before its module is read resolves once every file is in. */
    static MibText read(List<Path> files) throws IOException {
        MibText m = new MibText();
        Map<String, int[]> oids = new HashMap<>();
        oids.put("iso", new int[] {1});
        oids.put("org", new int[] {1, 3});
        oids.put("dod", new int[] {1, 3, 6});
        oids.put("internet", new int[] {1, 3, 6, 1});
        oids.put("mgmt", new int[] {1, 3, 6, 1, 2});
        oids.put("mib-2", new int[] {1, 3, 6, 1, 2, 1});
        oids.put("enterprises", new int[] {1, 3, 6, 1, 4, 1});
        List<String[]> pending = new ArrayList<>(); // name, kind, body, assignment
        Map<String, String> tcs = new HashMap<>(IMPORTED);
        for (Path f : files) {
            String text = clean(Files.readString(f));
            Matcher tc = TC.matcher(text);
            while (tc.find()) {
                tcs.put(tc.group(1), tc.group(2).replaceAll("\\s+", " "));
            }
            Matcher d = DEF.matcher(text);
            while (d.find()) {
                pending.add(new String[] {d.group(1), d.group(2).replaceAll("\\s+", " "), d.group(3), d.group(4)});
            }
        }
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                String[] p = it.next();
                String[] parts = p[3].trim().split("\\s+");
                int[] base = oids.get(parts[0]);
                if (base == null) {
                    continue;
                }
                int[] oid = base;
                for (int i = 1; i < parts.length; i++) {
                    String t = parts[i];
                    int open = t.indexOf('(');
                    int n = Integer.parseInt(open >= 0 ? t.substring(open + 1, t.indexOf(')')) : t);
                    oid = KeepalivedOids.sub(oid, n);
                }
                oids.put(p[0], oid);
                int syntax = 0;
                String access = null;
                boolean entry = false;
                if (p[1].equals("OBJECT-TYPE")) {
                    Matcher s = SYNTAX.matcher(p[2]);
                    if (!s.find()) {
                        throw new IllegalStateException("no SYNTAX for " + p[0]);
                    }
                    syntax = base(s.group(1).replaceAll("\\s+", " "), tcs, p[0]);
                    Matcher a = ACCESS.matcher(p[2]);
                    access = a.find() ? a.group(1) : null;
                    entry = p[2].matches("(?s).*\\b(INDEX|AUGMENTS)\\b.*");
                }
                Decl decl = new Decl(p[0], new OID(oid), p[1], syntax, access, entry, parts[0]);
                m.byOid.put(decl.oid().toDottedString(), decl);
                m.byName.put(p[0], decl);
                it.remove();
                progress = true;
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("unresolved parents: " + pending.get(0)[0] + " ::= {" + pending.get(0)[3]
                    + "}");
        }
        return m;
    }

    /** SMI base syntax (SMIConstants), -1 for SEQUENCE OF / a row type. */
    private static int base(String syntax, Map<String, String> tcs, String object) {
        String s = syntax;
        for (int hops = 0; hops < 5 && tcs.containsKey(s); hops++) {
            s = tcs.get(s);
        }
        return switch (s) {
            case "INTEGER", "Integer32" -> SMIConstants.SYNTAX_INTEGER32;
            case "Unsigned32", "Gauge32" -> SMIConstants.SYNTAX_UNSIGNED_INTEGER32;
            case "Counter32" -> SMIConstants.SYNTAX_COUNTER32;
            case "Counter64" -> SMIConstants.SYNTAX_COUNTER64;
            case "OCTET STRING" -> SMIConstants.SYNTAX_OCTET_STRING;
            case "IpAddress" -> SMIConstants.SYNTAX_IPADDRESS;
            case "TimeTicks" -> SMIConstants.SYNTAX_TIMETICKS;
            case "OBJECT IDENTIFIER" -> SMIConstants.SYNTAX_OBJECT_IDENTIFIER;
            case "SEQUENCE OF" -> -1;
            default -> {
                if (Character.isUpperCase(s.charAt(0)) && s.endsWith("Entry")) {
                    yield -1;
                }
                throw new IllegalStateException("unknown SYNTAX " + syntax + " of " + object);
            }
        };
    }

    /** Strings and comments out: a DESCRIPTION may hold anything. */
    private static String clean(String text) {
        String noStrings = text.replaceAll("(?s)\"[^\"]*\"", "\"\"");
        return noStrings.replaceAll("--[^\\n]*", " ");
    }

    Decl byName(String name) {
        return byName.get(name);
    }

    Decl at(OID oid) {
        return byOid.get(oid.toDottedString());
    }

    /** The OBJECT-TYPE that {@code instance} is an instance of (longest declared prefix), or null. */
    Decl objectOf(OID instance) {
        for (int n = instance.size() - 1; n > 0; n--) {
            Decl d = byOid.get(new OID(instance.getValue(), 0, n).toDottedString());
            if (d != null) {
                return d.kind().equals("OBJECT-TYPE") ? d : null;
            }
        }
        return null;
    }

    /** Whether {@code d} is a column (its parent is a conceptual row). */
    boolean isColumn(Decl d) {
        Decl parent = byName.get(d.parent());
        return parent != null && parent.entry();
    }

    int size() {
        return byOid.size();
    }
}
