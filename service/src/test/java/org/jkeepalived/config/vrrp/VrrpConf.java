package org.jkeepalived.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.FakeSystemView;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.model.vrrp.VrrpInstance;

/** Small helpers to write VRRP test configurations and check what they produce. */
public final class VrrpConf {
    private VrrpConf() {
    }

    /** A vrrp_instance VI_1 on eth0 with VRID 1 and VIP 10.0.0.1, plus {@code body}. */
    public static String inst(String body) {
        return inst("VI_1", 1, body, "10.0.0.1");
    }

    public static String inst(String name, int vrid, String body, String... vips) {
        StringBuilder b = new StringBuilder("vrrp_instance " + name + " {\n    interface eth0\n    virtual_router_id "
                + vrid + "\n    " + body.replace("\n", "\n    ") + "\n    virtual_ipaddress {\n");
        for (String v : vips) {
            b.append("        ").append(v).append('\n');
        }
        return b.append("    }\n}\n").toString();
    }

    public static LoadResult load(String text) {
        return ConfigFixture.load(text, new FakeSystemView());
    }

    public static LoadResult load(String text, FakeSystemView system) {
        return ConfigFixture.load(text, system);
    }

    public static VrrpInstance only(LoadResult r) {
        List<VrrpInstance> all = r.config().vrrp().instances();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    public static VrrpInstance instance(LoadResult r, String name) {
        return r.config().vrrp().instance(name).orElseThrow(() -> new AssertionError("no instance " + name
                + "\n" + ConfigFixture.messages(r)));
    }

    /** Asserts a finding of {@code severity} whose message contains {@code text}. */
    public static void hasFinding(LoadResult r, Severity severity, String text) {
        assertThat(r.diagnostics()).as(ConfigFixture.messages(r))
                .anyMatch(d -> d.severity() == severity && d.message().contains(text));
    }

    /** Asserts no ERROR/FATAL/ABORT/SECURITY finding at all (notes allowed). */
    public static void clean(LoadResult r) {
        assertThat(r.diagnostics().stream().filter(d -> d.severity() != Severity.NOTE).map(Diagnostic::format))
                .as(ConfigFixture.messages(r)).isEmpty();
        assertThat(r.exitCode()).isZero();
    }
}
