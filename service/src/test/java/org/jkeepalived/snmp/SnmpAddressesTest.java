package org.jkeepalived.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.snmp4j.smi.UdpAddress;

class SnmpAddressesTest {
    @Test
    void parsesNetSnmpTransportAddresses() {
        assertThat(SnmpAddresses.show(SnmpAddresses.parse("udp:127.0.0.1:1161", 161))).isEqualTo("udp:127.0.0.1:1161");
        assertThat(SnmpAddresses.show(SnmpAddresses.parse("udp6:[::1]:161", 161))).isEqualTo("udp6:[::1]:161");
        assertThat(SnmpAddresses.show(SnmpAddresses.parse("udp:[::1]:162", 161))).isEqualTo("udp6:[::1]:162");
        assertThat(SnmpAddresses.show(SnmpAddresses.parse("udp:192.0.2.1", 162))).isEqualTo("udp:192.0.2.1:162");
        assertThat(SnmpAddresses.show(SnmpAddresses.parse("udp6:[2001:db8:0:0:1:0:0:1]", 162)))
                .isEqualTo("udp6:[2001:db8::1:0:0:1]:162");
        UdpAddress any = SnmpAddresses.parse("udp6:[::]:0", 161);
        assertThat(any.getInetAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void refusesWhatItCannotServe() {
        assertThatThrownBy(() -> SnmpAddresses.parse("tcp:127.0.0.1:161", 161)).hasMessageContaining("only udp:");
        assertThatThrownBy(() -> SnmpAddresses.parse("udp6:127.0.0.1:161", 161)).hasMessageContaining("IPv6");
        assertThatThrownBy(() -> SnmpAddresses.parse("udp:127.0.0.1:99999", 161)).hasMessageContaining("bad port");
        assertThatThrownBy(() -> SnmpAddresses.parse("udp:[::1:161", 161)).hasMessageContaining("']'");
    }

    @Test
    void compressesTheLongestZeroRun() {
        assertThat(SnmpAddresses.compress("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(SnmpAddresses.compress("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(SnmpAddresses.compress("fe80:0:0:0:1:2:3:4%2")).isEqualTo("fe80::1:2:3:4%2");
        assertThat(SnmpAddresses.compress("2001:db8:1:0:1:2:3:4")).isEqualTo("2001:db8:1:0:1:2:3:4");
    }
}
