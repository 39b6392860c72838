package org.jkeepalived.config.lvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.VirtualServer;

/** Small helpers shared by the LVS tests. */
final class LvsTestSupport {
    private LvsTestSupport() {
    }

    static LoadResult load(String text) {
        return ConfigFixture.load(text);
    }

    static LoadResult load(String text, FakeSystemView system) {
        return ConfigFixture.load(text, system);
    }

    /** A virtual server 10.0.0.1:80 (TCP, rr, NAT) with the given body and one real server 10.0.1.1:80. */
    static String service(String vsBody, String rsBody) {
        return "virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  lvs_method NAT\n  protocol TCP\n" + vsBody
                + "\n  real_server 10.0.1.1 80 {\n" + rsBody + "\n  }\n}\n";
    }

    static VirtualServer onlyVs(LoadResult r) {
        assertThat(r.config().lvs().virtualServers()).hasSize(1);
        return r.config().lvs().virtualServers().get(0);
    }

    static RealServer onlyRs(LoadResult r) {
        VirtualServer vs = onlyVs(r);
        assertThat(vs.realServers()).hasSize(1);
        return vs.realServers().get(0);
    }

    /** Asserts an ERROR containing {@code text} was reported and {@code -t} gives 5. */
    static void assertError(LoadResult r, String text) {
        assertThat(r.diagnostics()).as(ConfigFixture.messages(r))
                .anyMatch(d -> d.severity() == Severity.ERROR && d.message().contains(text));
        assertThat(r.exitCode()).isEqualTo(5);
    }

    static void assertClean(LoadResult r) {
        assertThat(r.diagnostics().stream().filter(d -> d.severity() != Severity.NOTE).map(Diagnostic::format))
                .as(ConfigFixture.messages(r)).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
