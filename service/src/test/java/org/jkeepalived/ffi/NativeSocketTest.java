package org.jkeepalived.ffi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jkeepalived.net.linux.LinuxInterfaces;
import org.jkeepalived.netlink.NetlinkCodec;
import org.junit.jupiter.api.Test;

/**
 * The socket bindings against the kernel without privileges: an rtnetlink socket (bind, sendto,
 * recvmsg with its source address, poll timeout, close from another thread), if_nametoindex and
 * SIOCGIFHWADDR on loopback.
 */
class NativeSocketTest {
    private static NativeSocket netlink() throws NativeException {
        NativeSocket s = NativeSocket.open(NativeSocket.AF_NETLINK, NativeSocket.SOCK_RAW, 0, "test rtnetlink");
        s.bind(Sockaddrs.netlink(0, 0));
        return s;
    }

    @Test
    void requestAndReplyThroughSendtoAndRecvmsg() throws Exception {
        try (NativeSocket s = netlink()) {
            s.sendTo(NetlinkCodec.getLinks(42), Sockaddrs.netlink(0, 0));
            NativeSocket.Message m = s.receiveMessage(65536, 2000);
            assertThat(m).isNotNull();
            // The reply's source is the kernel: sockaddr_nl with port id 0.
            assertThat(m.sockaddr()).hasSize(12).startsWith(Sockaddrs.netlink(0, 0)[0], Sockaddrs.netlink(0, 0)[1]);
            List<NetlinkCodec.Message> replies = NetlinkCodec.split(m.data());
            assertThat(replies).isNotEmpty();
            assertThat(replies.get(0).seq()).isEqualTo(42);
            assertThat(replies).extracting(NetlinkCodec::link).anySatisfy(l -> assertThat(l.name()).isEqualTo("lo"));
        }
    }

    @Test
    void theSendWarmUpRunsSendmsgOnFdMinusOneAndGetsEbadf() throws Exception {
        byte[] to = Sockaddrs.inet(java.net.InetAddress.getByName("127.0.0.1"), 0, 0);
        byte[] control = Cmsg.pack(List.of(new Cmsg(0, 8, Sockaddrs.inPktinfo(1,
                (java.net.Inet4Address) java.net.InetAddress.getByName("127.0.0.1"), null))));
        assertThat(NativeSocket.warmUpSendMessage(new byte[0], to, control)).isEqualTo(Errno.EBADF);
        assertThat(NativeSocket.warmUpSendMessage(new byte[8], new byte[0], new byte[0])).isEqualTo(Errno.EBADF);
        assertThat(NativeSocket.warmUpSendTo(new byte[14], Sockaddrs.packet(0x0806, 1))).isEqualTo(Errno.EBADF);
    }

    @Test
    void receiveTimesOutAndCloseEndsAnEndlessReceive() throws Exception {
        NativeSocket s = netlink();
        long start = System.nanoTime();
        assertThat(s.receiveMessage(1024, 50)).isNull();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(40_000_000L);
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.close();
        });
        closer.start();
        start = System.nanoTime();
        assertThat(s.receiveMessage(1024, -1)).isNull();
        assertThat(System.nanoTime() - start).isLessThan(1_500_000_000L);
        closer.join();
        assertThat(s.isOpen()).isFalse();
        assertThatThrownBy(() -> s.sendTo(new byte[16], Sockaddrs.netlink(0, 0)))
                .isInstanceOfSatisfying(NativeException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBADF));
        s.close(); // idempotent
    }

    @Test
    void failuresNameTheCallAndErrno() throws Exception {
        try (NativeSocket s = netlink()) {
            assertThatThrownBy(() -> s.setInt(NativeSocket.SOL_SOCKET, 9999, 1, "bogus option"))
                    .isInstanceOf(NativeException.class)
                    .hasMessageStartingWith("setsockopt(test rtnetlink, bogus option): ");
        }
        assertThat(Errno.describe(Errno.EEXIST)).isEqualTo("File exists");
    }

    @Test
    void loopbackLookups() throws Exception {
        assertThat(LinuxInterfaces.index("lo")).isEqualTo(1);
        assertThat(LinuxInterfaces.index("no-such-if0")).isZero();
        assertThat(LinuxInterfaces.macAddress("lo")).containsExactly(0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> LinuxInterfaces.macAddress("no-such-if0"))
                .isInstanceOfSatisfying(NativeException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
    }
}
