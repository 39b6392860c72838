package org.jkeepalived.config.lvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.lvs.LvsTestSupport.assertClean;
import static org.jkeepalived.config.lvs.LvsTestSupport.assertError;
import static org.jkeepalived.config.lvs.LvsTestSupport.ip;
import static org.jkeepalived.config.lvs.LvsTestSupport.load;
import static org.jkeepalived.config.lvs.LvsTestSupport.onlyVs;

import java.util.stream.Stream;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.lvs.IpFamily;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.SslSettings;
import org.jkeepalived.config.model.lvs.VirtualServerGroup;
import org.jkeepalived.config.model.lvs.VirtualServerGroup.AddressRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** virtual_server_group entries and the SSL block (each error verified with keepalived 2.2.7 -t). */
class GroupAndSslTest {
    private static final String USER = "virtual_server group G {\n lvs_sched rr\n lvs_method NAT\n protocol TCP\n"
            + " real_server 10.0.1.1 80 {\n }\n}\n";

    @Test
    void virtualServerGroupSample() {
        LoadResult r = load("""
                virtual_server_group VSG_1 {
                    10.0.0.1 8080
                    192.168.200.3-10 80
                    10.0.1.0/30 80
                    10.0.2.1-10.0.2.9 80
                    2001:db8::1-ff 80
                    2001:db8::/120 80
                    10.0.0.8 0
                    fwmark 1 inet
                    fwmark 2 inet6
                }
                virtual_server group VSG_1 {
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                    persistence_timeout 50
                    real_server 192.168.200.1 1358 {
                    }
                }
                """);
        assertClean(r);
        VirtualServerGroup g = r.config().lvs().virtualServerGroups().get(0);
        assertThat(g.name()).isEqualTo("VSG_1");
        assertThat(g.addressRanges()).containsExactly(
                new AddressRange(ip("10.0.0.1"), ip("10.0.0.1"), 8080),
                new AddressRange(ip("192.168.200.3"), ip("192.168.200.10"), 80),
                new AddressRange(ip("10.0.1.0"), ip("10.0.1.3"), 80),
                new AddressRange(ip("10.0.2.1"), ip("10.0.2.9"), 80),
                new AddressRange(ip("2001:db8::1"), ip("2001:db8::ff"), 80),
                new AddressRange(ip("2001:db8::"), ip("2001:db8::ff"), 80),
                new AddressRange(ip("10.0.0.8"), ip("10.0.0.8"), 0));
        assertThat(g.fwmarks()).containsExactly(new VirtualServerGroup.Fwmark(1, IpFamily.INET),
                new VirtualServerGroup.Fwmark(2, IpFamily.INET6));
        assertThat(onlyVs(r).target()).isEqualTo(new ServiceTarget.Group("VSG_1"));
        assertThat(onlyVs(r).persistenceTimeoutSeconds()).isEqualTo(50);
    }

    static Stream<Arguments> groupErrors() {
        return Stream.of(
                Arguments.of("10.0.0.300 80", "Invalid virtual server group IP address 10.0.0.300 /port/80 - skipping"),
                Arguments.of("10.0.0.7 70000",
                        "Invalid virtual server group IP address 10.0.0.7 /port/70000 - skipping"),
                Arguments.of("10.0.0.1/33 80", "Invalid netmask - 10.0.0.1/33 - skipping"),
                Arguments.of("10.0.0.0/0 80", "Invalid netmask - 10.0.0.0/0 - skipping"),
                Arguments.of("10.0.0.1/24 80", "Address mask bits not empty - 10.0.0.1/24 - skipping"),
                Arguments.of("10.0.0.5-3 80", "Address range end is not greater than address range start - 10.0.0.5-3"),
                Arguments.of("10.0.0.5-5 80", "Address range end is not greater than address range start - 10.0.0.5-5"),
                Arguments.of("10.0.0.5-300 80", "Virtual server group range '10.0.0.5-300' end '300' too large"),
                Arguments.of("2001:db8::1-10000 80",
                        "Virtual server group range '2001:db8::1-10000' end '10000' too large"),
                Arguments.of("10.0.0.5-abc 80",
                        "Virtual server group range '10.0.0.5-abc' has extra characters at end 'abc'"),
                Arguments.of("10.0.0.9-10.0.0.1 80",
                        "Address range end is less than address range start - 10.0.0.9-10.0.0.1"),
                Arguments.of("10.0.0.1-10.0.0.300 80", "Invalid range end 10.0.0.1-10.0.0.300 - skipping"),
                Arguments.of("10.0.0.1-fe80::1 80",
                        "Invalid virtual server group IP address 10.0.0.1-fe80::1 /port/80"),
                Arguments.of("fwmark 5000000000", "(G): fwmark '5000000000' must be in [0, 4294967295] - ignoring"),
                Arguments.of("fwmark 3 inet7", "(G): fwmark '3' family inet7 unknown - ignoring"));
    }

    @ParameterizedTest
    @MethodSource("groupErrors")
    void groupEntryChecks(String entry, String message) {
        LoadResult r = load("virtual_server_group G {\n 10.0.9.9 80\n " + entry + "\n}\n" + USER);
        assertError(r, message);
        assertThat(r.config().lvs().virtualServerGroups().get(0).addressRanges()).hasSize(1);
    }

    @Test
    void emptyOrMixedGroupsAreRemoved() {
        LoadResult empty = load("virtual_server_group G {\n}\n" + USER);
        assertError(empty, "virtual server group G has no entries - removing");
        assertThat(empty.config().lvs().virtualServers()).as("its service is then unconfigured").isEmpty();
        LoadResult mixed = load("virtual_server_group G {\n 10.0.0.1 80\n 2001:db8::1 80\n fwmark 4\n}\n" + USER);
        assertError(mixed, "virtual server group G cannot have IPv4, IPv6 and fwmark without family - removing");
    }

    @Test
    void groupServiceValidation() {
        assertError(load("virtual_server_group G {\n fwmark 1\n}\n" + USER),
                "Warning: Virtual server [G]:0: protocol specified for fwmark - protocol will be ignored");
        assertError(load("virtual_server_group G {\n 10.0.0.1\n}\n" + USER),
                "Virtual server [G]:0: zero port only valid for persistent services - setting");
        assertError(load("virtual_server_group G {\n 10.0.0.1 80\n 10.0.0.2 81\n}\n"
                        + USER.replace("lvs_method NAT", "lvs_method DR")),
                "virtual server [G]:0:[10.0.0.2,81] and real server [10.0.1.1]:tcp:80 ports don't match");
        // a group defined after its service is fine
        assertClean(load(USER + "virtual_server_group G {\n 10.0.0.1 80\n}\n"));
    }

    @Test
    void sslBlock() {
        LoadResult r = load("SSL {\n password secret\n ca /etc/ca.pem\n certificate /etc/c.pem\n key /etc/k.pem\n}\n");
        assertClean(r);
        assertThat(r.config().lvs().ssl()).isEqualTo(new SslSettings("secret", "/etc/ca.pem", "/etc/c.pem",
                "/etc/k.pem"));
        assertThat(load("SSL {\n}\n").config().lvs().ssl().autogenerated()).isTrue();
        assertError(load("SSL {\n password\n}\n"), "SSL password missing");
        assertError(load("SSL {\n ca /a\n ca /b\n}\n"), "SSL cafile already specified - replacing");
        LoadResult twice = load("SSL {\n key /a\n}\nSSL {\n key /b\n}\n");
        assertError(twice, "SSL context already specified - replacing");
        assertThat(twice.config().lvs().ssl().key()).isEqualTo("/b");
    }
}
