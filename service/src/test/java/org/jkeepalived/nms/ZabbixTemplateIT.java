package org.jkeepalived.nms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.testsupport.NetSnmp;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.interop.Daemon;
import org.jkeepalived.vrrp.interop.InteropLab;
import org.jkeepalived.vrrp.interop.Node;
import org.junit.jupiter.api.Test;

/**
 * nms-integration/zabbix: the Zabbix 6.0 template, read with a line parser (its {@code snmp_oid}, {@code key},
 * {@code expression} and {@code uuid} lines; no YAML library on the test class path). Every OID resolves with
 * snmptranslate against Debian keepalived's MIB files to a readable object; every one is answered by a running
 * jkeepalived (MASTER, a virtual server with two live real servers): scalars by a GET, columns by a walk, and each
 * item prototype's column has exactly the rows its discovery rule finds (so {#SNMPINDEX} means the same row).
 * Every trigger names only items of the template; uuids are Zabbix's 32 hex digits, once each.
 */
class ZabbixTemplateIT extends NmsLab {
    private static final String TEMPLATE = "zabbix/jkeepalived-snmp-template.yaml";
    private static final Pattern SNMP_OID = Pattern.compile("^\\s*snmp_oid: '([^']+)'\\s*$");
    private static final Pattern DISCOVERY = Pattern.compile("discovery\\[(.*)]");
    private static final Pattern NUMERIC = Pattern.compile("\\d+(\\.\\d+)+");


    /** The template's OIDs: scalars, and per discovery rule its columns and its prototypes' columns. */
    record Oids(List<String> scalars, Map<String, List<String>> discoveryColumns,
                Map<String, List<String>> prototypeColumns) {
        List<String> all() {
            List<String> all = new ArrayList<>(scalars);
            discoveryColumns.values().forEach(all::addAll);
            prototypeColumns.values().forEach(all::addAll);
            return all;
        }
    }

    static Oids parse(String yaml) {
        List<String> scalars = new ArrayList<>();
        Map<String, List<String>> discovery = new LinkedHashMap<>();
        Map<String, List<String>> prototypes = new LinkedHashMap<>();
        String rule = null;
        int lineNo = 0;
        for (String line : yaml.split("\n")) {
            lineNo++;
            Matcher m = SNMP_OID.matcher(line);
            if (!m.matches()) {
                assertThat(line).as("line %d: snmp_oid values are single-quoted", lineNo).doesNotContain("snmp_oid:");
                continue;
            }
            String oid = m.group(1);
            Matcher d = DISCOVERY.matcher(oid);
            if (d.matches()) {
                rule = oid;
                String[] parts = d.group(1).split(",");
                assertThat(parts.length % 2).as("line %d: discovery[{#MACRO},OID,...] pairs", lineNo).isZero();
                List<String> columns = new ArrayList<>();
                for (int i = 0; i < parts.length; i += 2) {
                    assertThat(parts[i]).as("line %d", lineNo).matches("\\{#[A-Z0-9_.]+}");
                    assertThat(parts[i + 1]).as("line %d", lineNo).matches(NUMERIC);
                    columns.add(parts[i + 1]);
                }
                discovery.put(rule, columns);
                prototypes.put(rule, new ArrayList<>());
            } else if (oid.endsWith(".{#SNMPINDEX}")) {
                assertThat(rule).as("line %d: an item prototype before any discovery rule", lineNo).isNotNull();
                String column = oid.substring(0, oid.length() - ".{#SNMPINDEX}".length());
                assertThat(column).as("line %d", lineNo).matches(NUMERIC);
                prototypes.get(rule).add(column);
            } else {
                assertThat(oid).as("line %d: a scalar instance (.0)", lineNo).matches(NUMERIC).endsWith(".0");
                assertThat(rule).as("line %d: static items come before the discovery rules", lineNo).isNull();
                scalars.add(oid);
            }
        }
        return new Oids(scalars, discovery, prototypes);
    }

    @Test
    void everyOidResolvesInTheMibsAndIsServedByJkeepalived() throws Exception {
        Privileged.require("ip", "python3");
        NetSnmp.requireTools("snmptranslate", "snmpget", "snmpbulkwalk");
        String yaml = Nms.read(TEMPLATE);
        Oids oids = parse(yaml);
        assertThat(oids.scalars()).isNotEmpty();
        assertThat(oids.discoveryColumns()).hasSize(5);
        oids.prototypeColumns().forEach((rule, columns) -> assertThat(columns).as("prototypes of %s", rule)
                .isNotEmpty());
        checkStructure(yaml);

        // every OID is a readable object of KEEPALIVED-MIB or VRRP-MIB
        for (String oid : oids.all()) {
            String object = oid.endsWith(".0") ? oid.substring(0, oid.length() - 2) : oid;
            NetSnmp.Result t = NetSnmp.run(translate(object), NetSnmp.TIMEOUT);
            assertThat(t.exit()).as("%s", t).isZero();
            assertThat(t.out()).as("snmptranslate -Td %s", oid).isNotEmpty();
            assertThat(t.out().get(0)).as("%s", t).matches("(KEEPALIVED-MIB|VRRP-MIB)::[a-zA-Z0-9]+");
            assertThat(t.out()).as("%s", t)
                    .anySatisfy(l -> assertThat(l).matches("\\s*MAX-ACCESS\\s+read-(only|write|create)"));
        }

        lab = InteropLab.create(dir, 1, "jkn-z");
        Node a = lab.node(0);
        Daemon jk = lab.daemon(a, Daemon.Kind.JKEEPALIVED, Nms.jkeepalived("jk-a", 150, List.of(),
                Nms.virtualServer(18081, 18082)));
        processes.add(Nms.listener(a.ns(), 18081, dir.resolve("rs1.log")));
        processes.add(Nms.listener(a.ns(), 18082, dir.resolve("rs2.log")));
        jk.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> want = List.of("2", "2");
        List<String> got;
        do {
            Thread.sleep(250);
            got = get(a, List.of(".1.3.6.1.4.1.9586.100.5.2.3.1.4.1", ".1.3.6.1.4.1.9586.100.5.3.3.1.21.1")).varbinds()
                    .stream().map(NetSnmp.Varbind::value).toList();
        } while (!got.equals(want) && System.nanoTime() < deadline);
        assertThat(got).as("MASTER with 2 real servers up:\n%s", jk.log()).isEqualTo(want);

        NetSnmp.Result scalars = get(a, oids.scalars());
        assertThat(scalars.varbinds()).as("%s", scalars).hasSameSizeAs(oids.scalars())
                .allSatisfy(v -> assertThat(v.type()).as("%s", v).isNotEmpty());
        for (var rule : oids.discoveryColumns().entrySet()) {
            Set<String> rows = null;
            for (String column : rule.getValue()) {
                Set<String> r = rows(a, column);
                assertThat(r).as("%s: rows of %s", rule.getKey(), column).isNotEmpty();
                rows = rows == null ? r : rows;
            }
            for (String column : oids.prototypeColumns().get(rule.getKey())) {
                assertThat(rows(a, column)).as("rows of prototype column %s of %s", column, rule.getKey())
                        .isEqualTo(rows);
            }
        }
    }

    /** Triggers name the template and only its item keys; uuids are 32 hex digits and unique; export 6.0. */
    private static void checkStructure(String yaml) {
        assertThat(yaml).contains("\n  version: '6.0'\n");
        Matcher t = Pattern.compile("\n      template: '([^']+)'").matcher(yaml);
        assertThat(t.find()).as("template name").isTrue();
        String template = t.group(1);
        Set<String> keys = new HashSet<>();
        Matcher k = Pattern.compile("\n\\s+key: '([^']+)'").matcher(yaml);
        while (k.find()) {
            assertThat(keys.add(k.group(1))).as("key %s defined once", k.group(1)).isTrue();
        }
        Matcher e = Pattern.compile("\n\\s+expression: '(.+)'").matcher(yaml);
        int expressions = 0;
        while (e.find()) {
            expressions++;
            Matcher ref = Pattern.compile("\\(/([^/]+)/([^,)]+(\\[[^]]*])?)").matcher(e.group(1));
            assertThat(ref.find()).as("expression %s names an item", e.group(1)).isTrue();
            do {
                assertThat(ref.group(1)).as("in %s", e.group(1)).isEqualTo(template);
                assertThat(keys).as("in %s", e.group(1)).contains(ref.group(2));
            } while (ref.find());
        }
        assertThat(expressions).isGreaterThanOrEqualTo(10);
        Set<String> uuids = new TreeSet<>();
        Matcher u = Pattern.compile("\n\\s+(- )?uuid: (\\S+)").matcher(yaml);
        while (u.find()) {
            assertThat(u.group(2)).matches("[0-9a-f]{32}");
            assertThat(uuids.add(u.group(2))).as("uuid %s once", u.group(2)).isTrue();
        }
    }

    private static List<String> translate(String oid) {
        List<String> cmd = new ArrayList<>(List.of("snmptranslate"));
        cmd.addAll(NetSnmp.mibArgs());
        cmd.addAll(List.of("-Td", "-OS", "." + oid));
        return cmd;
    }

    private static NetSnmp.Result get(Node n, List<String> oids) {
        List<String> args = new ArrayList<>(List.of("-On", "-Oe", "-t", "2", "-r", "1", "-v2c", "-c", "public",
                Nms.AGENT));
        oids.forEach(o -> args.add(o.startsWith(".") ? o : "." + o));
        return Nms.snmp(n.ns(), "snmpget", args);
    }

    /** The row indexes of a column (what Zabbix's {#SNMPINDEX} becomes). */
    private static Set<String> rows(Node n, String column) {
        NetSnmp.Result r = Nms.snmp(n.ns(), "snmpbulkwalk", List.of("-On", "-t", "2", "-r", "1", "-v2c", "-c",
                "public", Nms.AGENT, "." + column));
        assertThat(r.exit()).as("%s", r).isZero();
        Set<String> rows = new TreeSet<>();
        for (NetSnmp.Varbind v : r.varbinds()) {
            assertThat(v.type()).as("%s", v).isNotEmpty();
            rows.add(v.numericOid().substring(column.length() + 1));
        }
        return rows;
    }
}
