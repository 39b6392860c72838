package org.jkeepalived.config.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.source.SourceLine;
import org.junit.jupiter.api.Test;

/** The block rules keepalived 2.2.7 was observed to apply (see the class javadoc of TreeParser). */
class TreeParserTest {
    private final Diagnostics diagnostics = new Diagnostics();
    private final Keyword grammar = Syntax.root()
            .block("global_defs", g -> g.leaf("router_id").list("notification_email"))
            .block("vrrp_instance", v -> v
                    .leaf("interface").leaf("virtual_router_id").leaf("priority")
                    .list("virtual_ipaddress")
                    .block("authentication", a -> a.leaf("auth_type").leaf("auth_pass")))
            .block("real_server", r -> r.leaf("weight", "wt"))
            .keyword();

    private List<Node> parse(String text) {
        List<SourceLine> lines = new ArrayList<>();
        int n = 0;
        for (String l : text.split("\n", -1)) {
            n++;
            if (!l.isBlank()) {
                lines.add(new SourceLine(new Location("k.conf", n), l));
            }
        }
        return new TreeParser(grammar, diagnostics).parse(lines);
    }

    private List<String> messages() {
        return diagnostics.all().stream().map(Diagnostic::format).toList();
    }

    @Test
    void blocksWithBracesOnTheLineOnTheirOwnLineOrGlued() {
        List<Node> top = parse("vrrp_instance VI_1\n{\ninterface eth0\n}\nvrrp_instance VI_2{interface eth1\n"
                + "virtual_router_id 5}\nvrrp_instance VI_3 { priority 7 }\n");
        assertThat(messages()).isEmpty();
        assertThat(top).extracting(n -> n.arg(0)).containsExactly("VI_1", "VI_2", "VI_3");
        assertThat(top.get(0).child("interface").orElseThrow().args()).containsExactly("eth0");
        assertThat(top.get(1).child("virtual_router_id").orElseThrow().args()).containsExactly("5");
        assertThat(top.get(2).child("priority").orElseThrow().args()).containsExactly("7");
    }

    @Test
    void listBlocksCollectLinesAsItems() {
        List<Node> top = parse("vrrp_instance V {\nvirtual_ipaddress {\n10.0.0.1/24 dev eth0\n10.0.0.2 }\n}\n"
                + "global_defs { notification_email { a@b c@d } }\n");
        assertThat(messages()).isEmpty();
        Node vip = top.get(0).child("virtual_ipaddress").orElseThrow();
        assertThat(vip.items()).extracting(Node.Item::words)
                .containsExactly(List.of("10.0.0.1/24", "dev", "eth0"), List.of("10.0.0.2"));
        assertThat(vip.items().get(0).location().line()).isEqualTo(3);
        assertThat(top.get(1).child("notification_email").orElseThrow().items())
                .extracting(Node.Item::words).containsExactly(List.of("a@b", "c@d"));
    }

    @Test
    void aliasesResolveToTheCanonicalKeyword() {
        Node rs = parse("real_server 1.2.3.4 80 {\nwt 3\n}\n").get(0);
        Node w = rs.children().get(0);
        assertThat(w.keyword()).isEqualTo("weight");
        assertThat(w.written()).isEqualTo("wt");
    }

    @Test
    void unknownKeywordsBlockIsNotSkippedItsBraceIsUnexpected() {
        // Observed: keepalived reads an unknown block's contents at the current level and its '}'
        // closes the enclosing block, so router_id inner applies and router_id outer is unknown.
        List<Node> top = parse("global_defs {\nfoo_block {\nrouter_id inner\n}\nrouter_id outer\n}\n");
        assertThat(top.get(0).child("router_id").orElseThrow().args()).containsExactly("inner");
        assertThat(messages()).containsExactly(
                "(k.conf: Line 2) Unknown keyword 'foo_block'",
                "(k.conf: Line 2) Unexpected '{' - ignoring",
                "(k.conf: Line 5) Unknown keyword 'router_id'",
                "(k.conf: Line 6) Unknown keyword '}'");
        assertThat(diagnostics.exitCode()).isEqualTo(5);
    }

    @Test
    void missingOpeningBraceIsReportedAndTheBlockStillReads() {
        List<Node> top = parse("vrrp_instance VI_1\ninterface eth0\nvirtual_router_id 5\n}\n");
        assertThat(messages()).containsExactly(
                "(k.conf: Line 4) Extra '}' found",
                "(k.conf: Line 2) Missing '{' at beginning of configuration block");
        assertThat(top.get(0).child("interface").orElseThrow().args()).containsExactly("eth0");
    }

    @Test
    void extraAndMissingClosingBraces() {
        parse("vrrp_instance VI_1 {\ninterface eth0\n}\n}\n");
        assertThat(messages()).containsExactly("(k.conf: Line 4) Extra '}' found",
                "(k.conf: Line 4) Unknown keyword '}'");
        Diagnostics d2 = new Diagnostics();
        new TreeParser(grammar, d2).parse(List.of(new SourceLine(new Location("k.conf", 1), "vrrp_instance V {")));
        assertThat(d2.all()).extracting(Diagnostic::format)
                .containsExactly("There are 1 missing '}'s or extra '{'s");
    }

    @Test
    void leafWithABraceReportsIt() {
        parse("global_defs {\nrouter_id x {\n}\n");
        assertThat(messages()).contains("(k.conf: Line 2) Unexpected '{' - ignoring");
    }

    @Test
    void textAfterAnOpeningBraceIsReparsed() {
        List<Node> top = parse("vrrp_instance V { authentication { auth_type PASS\nauth_pass 1111 } priority 9\n}\n");
        assertThat(messages()).isEmpty();
        Node auth = top.get(0).child("authentication").orElseThrow();
        assertThat(auth.children()).extracting(Node::keyword).containsExactly("auth_type", "auth_pass");
        assertThat(top.get(0).child("priority").orElseThrow().args()).containsExactly("9");
    }

    @Test
    void aValueBlockWithoutABraceReadsTheFollowingLinesSilently() {
        List<Node> top = parse("vrrp_instance V {\nvirtual_ipaddress\n10.0.0.1\n10.0.0.2\n}\n}\n");
        assertThat(top.get(0).child("virtual_ipaddress").orElseThrow().items()).extracting(Node.Item::words)
                .containsExactly(List.of("10.0.0.1"), List.of("10.0.0.2"));
        assertThat(messages()).containsExactly("(k.conf: Line 6) Extra '}' found");
    }
}
