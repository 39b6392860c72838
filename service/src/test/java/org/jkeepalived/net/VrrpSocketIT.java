package org.jkeepalived.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.jkeepalived.net.linux.LinuxInterfaces;
import org.jkeepalived.net.linux.LinuxVrrpSocket;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tier 4: raw VRRP sockets between two namespaces joined by a veth pair. The sockets are opened on
 * setns threads ({@link Netns#call}) and used from the test thread.
 */
class VrrpSocketIT {
    /** A VRRPv2 advert (RFC 3768 section 5.1): VRID 51, priority 100, one address 192.0.2.100. */
    static final byte[] ADVERT_V2 = {0x21, 51, 100, 1, 0, 1, 0, 0, (byte) 192, 0, 2, 100};
    /** A VRRPv3 advert (RFC 5798 section 5.1) over IPv6: VRID 51, priority 100, one address. */
    static final byte[] ADVERT_V3 = {0x31, 51, 100, 1, 0, 100, 0, 0,
        0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x64};

    private Netns a;
    private Netns b;

    @BeforeEach
    void namespaces() {
        Privileged.require("ip");
        a = Netns.create("jkio-va");
        b = Netns.create("jkio-vb");
        Netns.veth(a, "va", b, "vb");
        a.ip("addr", "add", "192.0.2.1/24", "dev", "va");
        b.ip("addr", "add", "192.0.2.2/24", "dev", "vb");
        a.ip("addr", "add", "fe80::1/64", "dev", "va", "nodad");
        b.ip("addr", "add", "fe80::2/64", "dev", "vb", "nodad");
    }

    @AfterEach
    void cleanup() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private VrrpSocket open(Netns ns, String ifName, String source, String group) throws Exception {
        return ns.call(() -> LinuxVrrpSocket.open(new VrrpSocketSpec(ifName, LinuxInterfaces.index(ifName),
                InetAddress.getByName(source), group == null ? null : InetAddress.getByName(group))));
    }

    @Test
    void ipv4MulticastAdvertArrivesWithTtl255IfindexAndSource() throws Exception {
        int vbIndex = b.call(() -> LinuxInterfaces.index("vb"));
        try (VrrpSocket tx = open(a, "va", "192.0.2.1", "224.0.0.18");
             VrrpSocket rx = open(b, "vb", "192.0.2.2", "224.0.0.18")) {
            tx.send(ADVERT_V2, InetAddress.getByName("224.0.0.18"));
            Received r = rx.receive(3000);
            assertThat(r).isNotNull();
            assertThat(r.bytes()).isEqualTo(ADVERT_V2);
            assertThat(r.ttl()).isEqualTo(255);
            assertThat(r.ifIndex()).isEqualTo(vbIndex);
            assertThat(r.src()).isEqualTo(InetAddress.getByName("192.0.2.1"));
            assertThat(r.dst()).isEqualTo(InetAddress.getByName("224.0.0.18"));
            // IP_MULTICAST_LOOP is off: the sender does not hear itself.
            assertThat(tx.receive(200)).isNull();

            tx.send(ADVERT_V2, InetAddress.getByName("192.0.2.2"));
            Received u = rx.receive(3000);
            assertThat(u.dst()).isEqualTo(InetAddress.getByName("192.0.2.2"));
            assertThat(u.ttl()).isEqualTo(255);
        }
    }

    @Test
    void ipv6MulticastAdvertArrivesWithHopLimit255() throws Exception {
        int vbIndex = b.call(() -> LinuxInterfaces.index("vb"));
        try (VrrpSocket tx = open(a, "va", "fe80::1", "ff02::12");
             VrrpSocket rx = open(b, "vb", "fe80::2", "ff02::12")) {
            tx.send(ADVERT_V3, InetAddress.getByName("ff02::12"));
            Received r = rx.receive(3000);
            assertThat(r).isNotNull();
            assertThat(r.bytes()).isEqualTo(ADVERT_V3);
            assertThat(r.ttl()).isEqualTo(255);
            assertThat(r.ifIndex()).isEqualTo(vbIndex);
            assertThat(r.src().getAddress()).isEqualTo(InetAddress.getByName("fe80::1").getAddress());
            assertThat(r.dst()).isEqualTo(InetAddress.getByName("ff02::12"));
            assertThat(tx.receive(200)).isNull();

            tx.send(ADVERT_V3, InetAddress.getByName("fe80::2"));
            Received u = rx.receive(3000);
            assertThat(u.dst().getAddress()).isEqualTo(InetAddress.getByName("fe80::2").getAddress());
            assertThat(u.ttl()).isEqualTo(255);
        }
    }

    @Test
    void openingWarmsTheSendPathWithoutSendingAnything() throws Exception {
        try (VrrpSocket rx4 = open(b, "vb", "192.0.2.2", "224.0.0.18");
             VrrpSocket rx6 = open(b, "vb", "fe80::2", "ff02::12")) {
            // Each open runs sendmsg once on fd -1 (LinuxVrrpSocket#warmUp): nothing may reach the peer, whether
            // the socket is for a group or unicast only.
            open(a, "va", "192.0.2.1", "224.0.0.18").close();
            open(a, "va", "192.0.2.1", null).close();
            open(a, "va", "fe80::1", "ff02::12").close();
            open(a, "va", "fe80::1", null).close();
            assertThat(rx4.receive(300)).isNull();
            assertThat(rx6.receive(300)).isNull();
        }
    }

    @Test
    void closeFromAnotherThreadEndsAReceive() throws Exception {
        VrrpSocket rx = open(b, "vb", "192.0.2.2", "224.0.0.18");
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rx.close();
        });
        closer.start();
        long start = System.nanoTime();
        assertThat(rx.receive(-1)).isNull(); // waits forever, but not past a close
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        closer.join();
    }
}
