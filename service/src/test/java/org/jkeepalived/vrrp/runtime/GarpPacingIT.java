package org.jkeepalived.vrrp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.ffi.NativeSocket;
import org.jkeepalived.ffi.Sockaddrs;
import org.jkeepalived.net.linux.LinuxFrameSender;
import org.jkeepalived.net.linux.LinuxInterfaces;
import org.jkeepalived.netlink.linux.RtnetlinkAddressManager;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.jkeepalived.vrrp.Action;
import org.jkeepalived.vrrp.RouterSettings;
import org.jkeepalived.vrrp.Vrrp;
import org.jkeepalived.vrrp.VirtualRouter;
import org.jkeepalived.vrrp.packet.V3ChecksumMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tier 4: the action runner on the Linux ports in one namespace sends 3 rounds of gratuitous ARPs for two
 * VIPs with vrrp_garp_interval 0.1 s; the frames captured in the other namespace are 6, in rounds, and
 * about 100 ms apart (keepalived 2.2.7 spaced its ARPs 200 ms apart for vrrp_garp_interval 0.2).
 */
class GarpPacingIT {
    private static final int ETH_P_ARP = 0x0806;
    private Netns a;
    private Netns b;

    @BeforeEach
    void namespaces() {
        Privileged.require("ip");
        a = Netns.create("jko-ga");
        b = Netns.create("jko-gb");
        Netns.veth(a, "va", b, "vb");
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

    @Test
    void gratuitousArpsAreSpacedByTheInterval() throws Exception {
        int vbIndex = b.call(() -> LinuxInterfaces.index("vb"));
        int vaIndex = a.call(() -> LinuxInterfaces.index("va"));
        try (NativeSocket capture = b.call(() -> {
            NativeSocket s = NativeSocket.open(NativeSocket.AF_PACKET, NativeSocket.SOCK_RAW,
                    Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_ARP)), "capture");
            s.bind(Sockaddrs.packet(ETH_P_ARP, vbIndex));
            return s;
        })) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            java.util.concurrent.Future<Object> sender = pool.submit(() -> a.call(() -> {
                RtnetlinkAddressManager addresses = RtnetlinkAddressManager.open();
                EnginePorts ports = new EnginePorts(spec -> null, LinuxFrameSender::open, addresses, null);
                ActionRunner runner = new ActionRunner(ports, Log.to((level, detail, message) -> { }),
                        addresses.links(), System::nanoTime, new GarpPacing(100 * Vrrp.MS, 0, List.of()));
                RouterSettings settings = Vrrp.settings().build();
                Slot slot = new Slot(new EngineInstance(settings, "va", vaIndex,
                        Vrrp.addr("224.0.0.18"), V3ChecksumMode.PSEUDO_HEADER));
                runner.run(slot, new Action.SendGratuitous(3, List.of(Vrrp.vip(Vrrp.addr("10.0.0.100")).withDev("va"),
                        Vrrp.vip(Vrrp.addr("10.0.0.101")).withDev("va"))));
                // The engine's loop, reduced to the runner's own deadlines.
                while (runner.nextDeadlineNanos() != VirtualRouter.NEVER) {
                    long wait = runner.nextDeadlineNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    runner.onTimer(System.nanoTime());
                }
                runner.close();
                return null;
            }));
            List<Long> times = new ArrayList<>();
            List<Integer> targets = new ArrayList<>();
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (times.size() < 6 && System.nanoTime() < deadline) {
                NativeSocket.Message m = capture.receiveMessage(2048, 200);
                if (m != null && m.data().length >= 42) {
                    times.add(System.nanoTime());
                    targets.add(m.data()[41] & 0xff);
                }
            }
            sender.get();
            pool.shutdown();
            assertThat(targets).containsExactly(100, 101, 100, 101, 100, 101);
            for (int i = 1; i < times.size(); i++) {
                long gapMillis = (times.get(i) - times.get(i - 1)) / 1_000_000;
                assertThat(gapMillis).as("gap %d", i).isBetween(80L, 400L);
            }
        }
    }
}
