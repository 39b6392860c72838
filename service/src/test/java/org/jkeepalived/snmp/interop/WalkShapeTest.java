package org.jkeepalived.snmp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.jkeepalived.snmp.interop.WalkComparison.Kind;
import org.junit.jupiter.api.Test;

class WalkShapeTest {
    private static final String K = ".1.3.6.1.4.1.9586.100.5.";

    @Test
    void linesBecomeVarbindsWithTheirTypeAndContinuationLinesJoinTheirString() {
        WalkShape w = WalkShape.parse("# a reference walk's header\n" + K + "1.1.0 = STRING: \"Keepalived v2.2.7\"\n"
                + K + "1.8.0 = \"\"\n"
                + K + "2.3.1.22.1 = STRING: \"line one\n"
                + "line two\"\n"
                + K + "2.3.1.4.1 = INTEGER: 2\n");
        assertThat(w.varbinds().get("1.3.6.1.4.1.9586.100.5.1.1.0").typedValue())
                .isEqualTo("STRING: \"Keepalived v2.2.7\"");
        assertThat(w.varbinds().get("1.3.6.1.4.1.9586.100.5.1.8.0").type()).isEmpty();
        assertThat(w.varbinds().get("1.3.6.1.4.1.9586.100.5.1.8.0").value()).isEqualTo("\"\"");
        assertThat(w.varbinds().get("1.3.6.1.4.1.9586.100.5.2.3.1.22.1").value())
                .isEqualTo("\"line one\nline two\"");
        assertThat(w.varbinds().get("1.3.6.1.4.1.9586.100.5.2.3.1.4.1").value()).isEqualTo("2");
        assertThat(w.varbinds()).hasSize(4);
    }

    @Test
    void textThatIsNoWalkOrAnOidSeenTwiceIsAnError() {
        assertThatThrownBy(() -> WalkShape.parse("Timeout: No Response from 127.0.0.1:161\n"))
                .hasMessageContaining("line 1 is not a numeric varbind");
        assertThatThrownBy(() -> WalkShape.parse(K + "1.1.0 = INTEGER: 1\n" + K + "1.1.0 = INTEGER: 1\n"))
                .hasMessageContaining("line 2").hasMessageContaining("appears twice");
    }

    @Test
    void anOidSplitsIntoColumnIndexAndShapeByTheTablesIndexClause() {
        assertThat(WalkShape.cell("1.3.6.1.4.1.9586.100.5.2.3.1.4.3"))
                .isEqualTo(new WalkShape.Cell("1.3.6.1.4.1.9586.100.5.2.3.1.4", "vrrpInstanceTable", "3", "int"));
        assertThat(WalkShape.cell("1.3.6.1.4.1.9586.100.5.2.4.1.1.1.5"))
                .isEqualTo(new WalkShape.Cell("1.3.6.1.4.1.9586.100.5.2.4.1.1", "vrrpTrackedInterfaceTable", "1.5",
                        "int.int"));
        assertThat(WalkShape.cell("1.3.6.1.2.1.68.1.4.1.2.3.41.10.77.0.100"))
                .isEqualTo(new WalkShape.Cell("1.3.6.1.2.1.68.1.4.1.2", "vrrpAssoIpAddrTable", "3.41.10.77.0.100",
                        "int.int.ipv4"));
        assertThat(WalkShape.cell("1.3.6.1.4.1.9586.100.5.1.2.0"))
                .isEqualTo(new WalkShape.Cell("1.3.6.1.4.1.9586.100.5.1.2", "scalar", "0", "scalar"));
        assertThat(WalkShape.cell("1.3.6.1.4.1.9586.100.5.9.9.7").shape()).isEqualTo("?");
    }

    @Test
    void anInetAddressIndexIsLengthPrefixedOrRaw() {
        String v3 = "1.3.6.1.2.1.207.1.1.2.1.2.";
        // RFC 4001 §4.1: length, then the octets
        assertThat(WalkShape.cell(v3 + "3.41.1.4.10.77.0.100").shape()).isEqualTo("int.int.int.inet(4)");
        assertThat(WalkShape.cell(v3 + "3.61.2.16.253.119.0.0.0.0.0.0.0.0.0.0.0.0.1.0").shape())
                .isEqualTo("int.int.int.inet(16)");
        // keepalived 2.2.7 leaves the length out (observed, keepalived-2.2.7.walk)
        assertThat(WalkShape.cell(v3 + "3.41.1.10.77.0.100").shape()).isEqualTo("int.int.int.raw(4)");
        assertThat(WalkShape.cell(v3 + "3.61.2.253.119.0.0.0.0.0.0.0.0.0.0.0.0.1.0").shape())
                .isEqualTo("int.int.int.raw(16)");
        assertThat(WalkShape.cell(v3 + "3.41").shape()).isEqualTo("int.int.missing");
        assertThat(WalkShape.cell("1.3.6.1.4.1.9586.100.5.2.3.1.4.3.9").shape()).isEqualTo("int.extra(1)");
    }

    @Test
    void columnsCollectTheirShapesAndRowsTheirIndexes() {
        WalkShape w = WalkShape.parse(K + "2.3.1.2.1 = STRING: \"VI_1\"\n" + K + "2.3.1.2.2 = STRING: \"VI_2\"\n"
                + K + "2.3.1.10.1 = STRING: \"eth0\"\n");
        assertThat(w.columns()).containsOnlyKeys(K.substring(1) + "2.3.1.2", K.substring(1) + "2.3.1.10");
        assertThat(w.columns().firstKey()).isEqualTo(K.substring(1) + "2.3.1.2"); // numeric, not text, order
        assertThat(w.rows().get(K.substring(1) + "2.3.1.2 int")).containsExactly("1", "2");
    }

    private static final String KEEPALIVED = K + "1.2.0 = STRING: \"r1\"\n"
            + K + "2.3.1.2.1 = STRING: \"VI_1\"\n"
            + K + "2.3.1.2.2 = STRING: \"VI_2\"\n"
            + K + "2.3.1.4.1 = INTEGER: 2\n"
            + K + "2.3.1.4.2 = INTEGER: 2\n"
            + K + "2.3.1.17.1 = STRING: \"eth9\"\n"
            + ".1.3.6.1.2.1.207.1.1.1.1.12.3.41.1 = Timeticks: (469) 0:00:04.69\n"
            + ".1.3.6.1.2.1.207.1.1.2.1.2.3.41.1.10.77.0.100 = INTEGER: 1\n";

    @Test
    void identicalWalksAndWalksDifferingOnlyInTimeticksCompareEqual() {
        WalkShape a = WalkShape.parse(KEEPALIVED);
        WalkShape b = WalkShape.parse(KEEPALIVED.replace("(469) 0:00:04.69", "(12) 0:00:00.12"));
        WalkComparison c = WalkComparison.compare("a", a, "b", b, Map.of());
        assertThat(c.differences()).isEmpty();
        assertThat(c.sameShape()).isTrue();
        assertThat(c.report()).startsWith("a -> b: same columns and index shapes (0 differences, 0 allowed)");
    }

    @Test
    void everyKindOfDifferenceIsFoundAndReported() {
        String other = KEEPALIVED.replace(K + "2.3.1.17.1 = STRING: \"eth9\"\n", "")  // column missing
                .replace(K + "2.3.1.4.2 = INTEGER: 2\n", K + "2.3.1.4.2 = INTEGER: 1\n")  // value
                .replace(K + "2.3.1.2.2 = STRING: \"VI_2\"\n", "")  // row missing
                .replace("3.41.1.10.77.0.100", "3.41.1.4.10.77.0.100")  // RFC 4001 index
                + K + "2.3.1.36.1 = INTEGER: 2\n";  // extra column
        WalkComparison c = WalkComparison.compare("keepalived", WalkShape.parse(KEEPALIVED), "jkeepalived",
                WalkShape.parse(other), Map.of());
        assertThat(c.differences()).extracting(WalkComparison.Difference::kind)
                .containsExactlyInAnyOrder(Kind.MISSING, Kind.EXTRA, Kind.SHAPE, Kind.ROWS, Kind.VALUE);
        assertThat(c.sameShape()).isFalse();
        String report = c.report();
        assertThat(report).contains("COLUMNS OR INDEX SHAPES DIFFER")
                .contains("vrrpInstanceTable col 17 (1.3.6.1.4.1.9586.100.5.2.3.1.17): only keepalived serves it")
                .contains("vrrpInstanceTable col 36").contains("only jkeepalived serves it")
                .contains("vrrpv3AssociatedIpAddrTable col 2 (1.3.6.1.2.1.207.1.1.2.1.2): keepalived "
                        + "[int.int.int.raw(4)], jkeepalived [int.int.int.inet(4)]")
                .contains("shape int: only keepalived [2], only jkeepalived []")
                .contains("index 2: keepalived INTEGER: 2, jkeepalived INTEGER: 1");
    }

    @Test
    void allowedDifferencesAreReportedWithTheirReasonAndDoNotCount() {
        String other = KEEPALIVED.replace(K + "2.3.1.17.1 = STRING: \"eth9\"\n", "")
                .replace("3.41.1.10.77.0.100", "3.41.1.4.10.77.0.100");
        WalkComparison c = WalkComparison.compare("keepalived", WalkShape.parse(KEEPALIVED), "jkeepalived",
                WalkShape.parse(other), Map.of(
                        "1.3.6.1.4.1.9586.100.5.2.3.1.17", WalkComparison.Known.shape("deprecated column"),
                        "1.3.6.1.2.1.207.1.1.2", WalkComparison.Known.shape("RFC 4001 index encoding")));
        assertThat(c.sameShape()).isTrue();
        assertThat(c.unexpected(Set.of(Kind.values()))).isEmpty();
        assertThat(c.report()).contains("(2 differences, 2 allowed)").contains("because: deprecated column")
                .contains("because: RFC 4001 index encoding");
        // a prefix allows its subtree only at an arc boundary: ...2.3.1.1 does not cover ...2.3.1.17
        WalkComparison narrow = WalkComparison.compare("keepalived", WalkShape.parse(KEEPALIVED), "jkeepalived",
                WalkShape.parse(other), Map.of("1.3.6.1.4.1.9586.100.5.2.3.1.1",
                        WalkComparison.Known.shape("not this one")));
        assertThat(narrow.sameShape()).isFalse();
        // an entry explains only its kinds: a values entry leaves the missing column unexpected
        WalkComparison valuesOnly = WalkComparison.compare("keepalived", WalkShape.parse(KEEPALIVED), "jkeepalived",
                WalkShape.parse(other), Map.of("1.3.6.1.4.1.9586.100.5.2.3.1.17",
                        WalkComparison.Known.values("values only")));
        assertThat(valuesOnly.unexpected(Set.of(Kind.MISSING))).hasSize(1);
    }

    @Test
    void aKnownValueDifferenceIsExplainedInTheReport() {
        String other = KEEPALIVED.replace(K + "2.3.1.4.2 = INTEGER: 2\n", K + "2.3.1.4.2 = INTEGER: 1\n");
        WalkComparison c = WalkComparison.compare("keepalived", WalkShape.parse(KEEPALIVED), "jkeepalived",
                WalkShape.parse(other), Map.of("1.3.6.1.4.1.9586.100.5.2.3.1.4",
                        WalkComparison.Known.values("the second instance is BACKUP there")));
        assertThat(c.unexpected(Set.of(Kind.values()))).isEmpty();
        assertThat(c.report()).contains("allowed vrrpInstanceTable col 4")
                .contains("because: the second instance is BACKUP there");
    }
}
