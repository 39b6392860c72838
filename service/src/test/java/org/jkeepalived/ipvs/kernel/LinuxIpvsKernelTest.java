package org.jkeepalived.ipvs.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.kernelvm.KernelVm;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The contract against the real kernel, plus ipvsadm as the oracle. Runs only where IPVS exists: in the qemu VM,
 * started by {@link LinuxIpvsKernelIT}; surefire leaves the kernel tag out.
 */
@Tag(KernelVm.TAG)
class LinuxIpvsKernelTest extends IpvsKernelContract {
    private LinuxIpvsKernel kernel;

    @BeforeEach
    void open() throws Exception {
        KernelVm.assumeIpvs();
        assumeTrue(Privileged.isRoot(), "changing IPVS needs CAP_NET_ADMIN");
        kernel = LinuxIpvsKernel.open();
        deleteOurs();
    }

    @AfterEach
    void close() throws Exception {
        if (kernel != null) {
            deleteOurs();
            kernel.close();
        }
    }

    @Override
    IpvsKernel kernel() {
        return kernel;
    }

    @Test
    void whatWeDumpIsWhatIpvsadmShows() throws Exception {
        kernel.addService(IpvsService.of(WEB, "wlc"));
        kernel.addDestination(WEB, RS1);
        kernel.addDestination(WEB, RS2);
        assertThat(ipvsadm(WEB)).containsExactlyInAnyOrderElementsOf(expected(WEB));
        assertThat(ipvsadm(WEB)).contains("TCP 198.51.100.1:80 wlc", "-> 198.51.100.11:8080 Masq 1 0 0",
                "-> 198.51.100.12:8080 Masq 2 0 0");
        kernel.updateDestination(WEB, RS2.withWeight(0));
        assertThat(ipvsadm(WEB)).contains("-> 198.51.100.12:8080 Masq 0 0 0")
                .containsExactlyInAnyOrderElementsOf(expected(WEB));
        kernel.deleteDestination(WEB, RS1);
        kernel.deleteService(WEB);
        assertThat(ipvsadm(WEB)).isEmpty();
    }

    @Test
    void syncDaemonStartsShowsAndStops() throws Exception {
        run("ip", "link", "add", "jkipvs0", "type", "dummy");
        try {
            run("ip", "link", "set", "jkipvs0", "multicast", "on", "up");
            kernel.startSyncDaemon(IpvsSyncDaemon.of(IpvsSyncDaemon.State.BACKUP, "jkipvs0", 9));
            try {
                assertThat(kernel.syncDaemons()).singleElement().satisfies(d -> {
                    assertThat(d.state()).isEqualTo(IpvsSyncDaemon.State.BACKUP);
                    assertThat(d.interfaceName()).isEqualTo("jkipvs0");
                    assertThat(d.syncId()).isEqualTo(9);
                });
                assertThat(errno(() -> kernel.startSyncDaemon(
                        IpvsSyncDaemon.of(IpvsSyncDaemon.State.BACKUP, "jkipvs0", 9)))).as("EEXIST").isEqualTo(17);
            } finally {
                kernel.stopSyncDaemon(IpvsSyncDaemon.State.BACKUP);
            }
            assertThat(kernel.syncDaemons()).isEmpty();
            assertThat(errno(() -> kernel.stopSyncDaemon(IpvsSyncDaemon.State.BACKUP))).as("ESRCH").isEqualTo(3);
        } finally {
            run("ip", "link", "del", "jkipvs0");
        }
    }

    private static void run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", argv) + ": " + text).isZero();
    }

    /** Our dump in ipvsadm -Ln's words, whitespace collapsed (ipvsadm orders destinations its own way). */
    private List<String> expected(IpvsServiceKey k) throws IpvsException {
        List<String> out = new ArrayList<>();
        for (IpvsServiceEntry s : kernel.services()) {
            if (s.service().key().equals(k)) {
                out.add(k.protocol() + " " + k.address().getHostAddress() + ":" + k.port() + " "
                        + s.service().scheduler());
            }
        }
        for (IpvsDestinationEntry d : kernel.destinations(k)) {
            String fwd = switch (d.destination().forwarding()) {
                case MASQ -> "Masq";
                case ROUTE -> "Route";
                case TUNNEL -> "Tunnel";
                case LOCAL -> "Local";
                case BYPASS -> "Bypass";
            };
            out.add("-> " + d.destination().address().getHostAddress() + ":" + d.destination().port() + " " + fwd
                    + " " + d.destination().weight() + " " + d.activeConns() + " " + d.inactiveConns());
        }
        return out;
    }

    /** The block of {@code ipvsadm -Ln} for one service (its line and its "->" lines), whitespace collapsed. */
    private static List<String> ipvsadm(IpvsServiceKey k) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ipvsadm", "-Ln").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(text).isZero();
        String head = k.protocol() + " " + k.address().getHostAddress() + ":" + k.port() + " ";
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String raw : text.split("\n")) {
            String line = raw.trim().replaceAll("\\s+", " ");
            if (line.startsWith(head)) {
                in = true;
                out.add(line);
            } else if (in && line.startsWith("-> ")) {
                out.add(line);
            } else {
                in = false;
            }
        }
        return out;
    }
}
