package org.jkeepalived.config.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.jkeepalived.vrrp.Vrrp;
import org.junit.jupiter.api.Test;

/** Tier 1: addresses printed as inet_ntop (keepalived's logs). */
class AddressTextTest {
    @Test
    void ipv6IsCompressedAsInetNtop() {
        assertThat(AddressText.of(Vrrp.addr("2001:db8:0:0:0:0:0:100"))).isEqualTo("2001:db8::100");
        assertThat(AddressText.of(Vrrp.addr("::1"))).isEqualTo("::1");
        assertThat(AddressText.of(Vrrp.addr("::"))).isEqualTo("::");
        assertThat(AddressText.of(Vrrp.addr("fe80::"))).isEqualTo("fe80::");
        assertThat(AddressText.of(Vrrp.addr("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
        assertThat(AddressText.of(Vrrp.addr("1:0:1:0:1:0:1:0"))).isEqualTo("1:0:1:0:1:0:1:0"); // one zero: no ::
        assertThat(AddressText.of(Vrrp.addr("1:0:0:2:0:0:0:3"))).isEqualTo("1:0:0:2::3"); // the longest run
        assertThat(AddressText.of(Vrrp.addr("1:0:0:2:3:0:0:4"))).isEqualTo("1::2:3:0:0:4"); // the first of equals
        assertThat(AddressText.of(new IpPrefix(Vrrp.addr("2001:db8:20::"), 48))).isEqualTo("2001:db8:20::/48");
        assertThat(AddressText.of(Vrrp.addr("10.9.0.100"))).isEqualTo("10.9.0.100");
    }
}
