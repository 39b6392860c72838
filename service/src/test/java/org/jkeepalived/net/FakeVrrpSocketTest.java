package org.jkeepalived.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class FakeVrrpSocketTest {
    @Test
    void linkedFakesDeliverMulticastAndUnicastOnly() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        FakeVrrpSocket sa = new FakeVrrpSocket(a, 2);
        FakeVrrpSocket sb = new FakeVrrpSocket(b, 3);
        FakeVrrpSocket.link(sa, sb);
        sa.send(new byte[] {1, 2}, InetAddress.getByName("224.0.0.18"));
        Received r = sb.receive(0);
        assertThat(r.bytes()).containsExactly(1, 2);
        assertThat(r.src()).isEqualTo(a);
        assertThat(r.ttl()).isEqualTo(255);
        assertThat(r.ifIndex()).isEqualTo(3);
        sa.send(new byte[] {3}, InetAddress.getByName("192.0.2.9"));
        assertThat(sb.receive(0)).isNull();
        assertThat(sa.sent()).hasSize(2);
        sb.close();
        assertThat(sb.receive(10)).isNull();
    }
}
