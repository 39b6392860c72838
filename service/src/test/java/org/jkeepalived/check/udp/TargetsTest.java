package org.jkeepalived.check.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private static String a(String s) throws Exception {
        return Targets.address(InetAddress.getByName(s));
    }

    @Test
    void ipv6IsPrintedInRfc5952Form() throws Exception {
        assertThat(a("::1")).isEqualTo("::1");
        assertThat(a("::")).isEqualTo("::");
        assertThat(a("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1"); // first of equal runs
        assertThat(a("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1"); // one zero word stays
        assertThat(a("fe80:0:0:0:a:0:0:0")).isEqualTo("fe80::a:0:0:0"); // equal runs: the first
        assertThat(a("1:0:0:2:0:0:0:3")).isEqualTo("1:0:0:2::3"); // the longest run
        assertThat(a("2001:DB8::AB")).isEqualTo("2001:db8::ab");
        assertThat(a("10.0.0.2")).isEqualTo("10.0.0.2");
    }

    @Test
    void targetsAreNamedAsKeepalivedDoes() throws Exception {
        assertThat(Targets.describe(new InetSocketAddress(InetAddress.getByName("::1"), 53), "udp"))
                .isEqualTo("[::1]:udp:53");
    }
}
