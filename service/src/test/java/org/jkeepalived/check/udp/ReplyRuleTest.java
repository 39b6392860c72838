package org.jkeepalived.check.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ReplyRuleTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void lengthMustLieInTheBoundsInclusive() {
        ReplyRule r = ReplyRule.of(null, null, 2, 4);
        assertThat(r.judge(hex("01"))).isEqualTo("reply length 1 not in [2, 4]");
        assertThat(r.judge(hex("0102"))).isNull();
        assertThat(r.judge(hex("01020304"))).isNull();
        assertThat(r.judge(hex("0102030405"))).isEqualTo("reply length 5 not in [2, 4]");
        assertThat(ReplyRule.of(null, null, 0, 255).judge(new byte[0])).isNull();
    }

    @Test
    void dataIsComparedOverTheShorterLengthWithWildcardNibbles() {
        // "ab 1X" as the model stores it: data ab10, mask fff0
        ReplyRule r = ReplyRule.of("ab10", "fff0", 0, 255);
        assertThat(r.judge(hex("ab17"))).isNull();
        assertThat(r.judge(hex("ab1f99"))).isNull(); // longer reply: only the first two bytes count
        assertThat(r.judge(hex("ab"))).isNull(); // shorter reply: only what arrived counts
        assertThat(r.judge(hex("ab27"))).isEqualTo("reply data mismatch at byte 1");
        assertThat(r.judge(hex("ac10"))).isEqualTo("reply data mismatch at byte 0");
        assertThat(ReplyRule.of("0a", "0f", 0, 255).judge(hex("fa"))).isNull();
        assertThat(ReplyRule.of("0a", null, 0, 255).judge(hex("fa"))).isNotNull();
    }

    @Test
    void mismatchedMaskIsRefused() {
        assertThatThrownBy(() -> ReplyRule.of("ab10", "ff", 0, 255)).hasMessageContaining("differ in length");
    }
}
