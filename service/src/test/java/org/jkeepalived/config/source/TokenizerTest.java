package org.jkeepalived.config.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private final Diagnostics diagnostics = new Diagnostics();
    private final Location loc = new Location("k.conf", 1);

    @Test
    void whitespaceSeparatesWords() {
        assertThat(Tokenizer.words("  virtual_router_id\t51  ", loc, diagnostics))
                .containsExactly("virtual_router_id", "51");
    }

    @Test
    void bracesAreAlwaysWordsEvenWhenGlued() {
        assertThat(Tokenizer.words("vrrp_instance VI_1{interface eth0}", loc, diagnostics))
                .containsExactly("vrrp_instance", "VI_1", "{", "interface", "eth0", "}");
    }

    @Test
    void quotesGroupAndAreRemovedAndJoinAdjacentText() {
        assertThat(Tokenizer.words("script \"/bin/check a b\" root", loc, diagnostics))
                .containsExactly("script", "/bin/check a b", "root");
        assertThat(Tokenizer.words("x ab\"c d\"e 'f g'", loc, diagnostics))
                .containsExactly("x", "abc de", "f g");
    }

    @Test
    void bracesAndSingleQuotesInsideDoubleQuotesAreText() {
        assertThat(Tokenizer.words("script \"sh -c 'echo {x}'\"", loc, diagnostics))
                .containsExactly("script", "sh -c 'echo {x}'");
    }

    @Test
    void backslashesAreKeptOutsideScripts() {
        assertThat(Tokenizer.words("vrrp_instance \"V\\tI\"", loc, diagnostics))
                .containsExactly("vrrp_instance", "V\\tI");
    }

    @Test
    void unmatchedQuoteIsAnErrorAndDropsTheRest() {
        assertThat(Tokenizer.words("vrrp_instance \"VI {", loc, diagnostics)).containsExactly("vrrp_instance");
        assertThat(diagnostics.all()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message()).isEqualTo("Unmatched quote: 'vrrp_instance \"VI {'");
        });
    }

    @Test
    void unescapeHandlesShellEscapes() {
        assertThat(Tokenizer.unescape("a\\tb\\n\\x41\\101\\\\\\\"\\cA")).isEqualTo("a\tb\nAA\\\"\u0001");
        assertThat(Tokenizer.unescape("plain")).isEqualTo("plain");
    }
}
