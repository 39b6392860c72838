package org.jkeepalived.check.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsMessageTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void queryLayoutFollowsRfc1035() {
        byte[] q = DnsMessage.query(0xbeef, "x.test", DnsType.A);
        assertThat(HEX.formatHex(q)).isEqualTo(
                "beef" + "0100" + "0001" + "0000" + "0000" + "0000" // header: RD, one question
                        + "0178" + "0474657374" + "00" // 1 'x' 4 'test' 0
                        + "0001" + "0001"); // A, IN
    }

    @Test
    void rootAndTrailingDotAreTheSameName() {
        assertThat(HEX.formatHex(DnsMessage.query(1, ".", DnsType.SOA))).endsWith("00" + "0006" + "0001");
        assertThat(DnsMessage.query(1, "", DnsType.SOA)).isEqualTo(DnsMessage.query(1, ".", DnsType.SOA));
        assertThat(DnsMessage.query(1, "a.b.", DnsType.MX)).isEqualTo(DnsMessage.query(1, "a.b", DnsType.MX));
    }

    @Test
    void badNamesAreRefusedWithAMessage() {
        assertThatThrownBy(() -> DnsMessage.query(1, "a..b", DnsType.A)).hasMessageContaining("label length 0");
        assertThatThrownBy(() -> DnsMessage.query(1, "x".repeat(64) + ".test", DnsType.A))
                .hasMessageContaining("label length 64");
        String longName = ("a".repeat(60) + ".").repeat(5);
        assertThatThrownBy(() -> DnsMessage.query(1, longName, DnsType.A)).hasMessageContaining("255");
    }

    @Test
    void typesParseCaseInsensitivelyWithSoaAsDefault() {
        assertThat(DnsType.parse("aaaa")).isEqualTo(DnsType.AAAA);
        assertThat(DnsType.parse(null)).isEqualTo(DnsType.SOA);
        assertThat(DnsType.AAAA.code()).isEqualTo(28);
        assertThat(DnsType.nameOf(99)).isEqualTo("TYPE99");
        assertThatThrownBy(() -> DnsType.parse("PTR")).hasMessage("DNS_CHECK: unknown type 'PTR'");
    }

    /** A reply as a server writes it: question echoed, answers named by compression pointers. */
    static byte[] reply(int id, int flags, int questionType, int... answerTypes) {
        StringBuilder h = new StringBuilder();
        h.append(String.format("%04x%04x0001%04x00000000", id, flags, answerTypes.length));
        h.append("0178047465737400").append(String.format("%04x0001", questionType));
        for (int t : answerTypes) {
            h.append("c00c").append(String.format("%04x0001", t)).append("0000003c");
            h.append(t == 1 ? "0004" + "0a090909" : "0002" + "c00c");
        }
        return HEX.parseHex(h.toString());
    }

    @Test
    void decodesHeaderQuestionAndAnswerTypesThroughPointers() {
        DnsMessage.Reply r = DnsMessage.decode(ByteBuffer.wrap(reply(7, 0x8180, 1, 5, 1)));
        assertThat(r).isEqualTo(new DnsMessage.Reply(7, true, false, 0, List.of(1), List.of(5, 1)));
        assertThat(DnsMessage.id(ByteBuffer.wrap(reply(0xabcd, 0x8180, 1)))).isEqualTo(0xabcd);
        assertThat(DnsMessage.id(ByteBuffer.allocate(1))).isEqualTo(-1);
    }

    @Test
    void truncatedOrCorruptRepliesAreMalformedNotCrashes() {
        byte[] full = reply(7, 0x8180, 1, 1);
        for (int len = 0; len < full.length; len++) {
            ByteBuffer cut = ByteBuffer.wrap(full, 0, len).slice();
            assertThatThrownBy(() -> DnsMessage.decode(cut)).as("length %d", len)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] badLabel = reply(7, 0x8180, 1);
        badLabel[12] = (byte) 0x41; // label type 01
        assertThatThrownBy(() -> DnsMessage.decode(ByteBuffer.wrap(badLabel))).hasMessageContaining("label type");
    }

    @Test
    void judgePassesOnlyAResponseWithAnAnswerOfTheQueriedType() {
        assertThat(judge(reply(1, 0x8180, 1, 1), DnsType.A)).isNull();
        assertThat(judge(reply(1, 0x8180, 1, 5, 1), DnsType.A)).isNull(); // CNAME chain ending in A
        assertThat(judge(reply(1, 0x0100, 1, 1), DnsType.A)).isEqualTo("QR flag is not set");
        assertThat(judge(reply(1, 0x8183, 1), DnsType.A)).isEqualTo("RCODE is 3 (NXDOMAIN)");
        assertThat(judge(reply(1, 0x8182, 1), DnsType.A)).isEqualTo("RCODE is 2 (SERVFAIL)");
        assertThat(judge(reply(1, 0x8180, 28), DnsType.AAAA)).isEqualTo("ANCOUNT is zero");
        assertThat(judge(reply(1, 0x8180, 28, 5), DnsType.AAAA)).isEqualTo("no AAAA record in the answer");
        assertThat(judge(reply(1, 0x8180, 1, 1), DnsType.MX)).isEqualTo("question section does not match the query");
    }

    private static String judge(byte[] reply, DnsType type) {
        return DnsMessage.judge(DnsMessage.decode(ByteBuffer.wrap(reply)), type);
    }
}
