package org.jkeepalived.kernelvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The smallest kernel test: runs only where IPVS exists (inside {@link KernelVm}), skips on the host. KernelVmIT runs
 * it in the guest to prove the launcher path works end to end; it is also the template for genl IPVS tests.
 */
@Tag(KernelVm.TAG)
class IpvsProcKernelTest {
    @Test
    void procNetIpVsShowsTheIpvsVersionAndTheColumnHeader() throws Exception {
        KernelVm.assumeIpvs();
        List<String> lines = Files.readAllLines(Path.of("/proc/net/ip_vs"));
        assertThat(lines.get(0)).matches("IP Virtual Server version \\d+\\.\\d+\\.\\d+ \\(size=\\d+\\)");
        assertThat(lines.get(1)).startsWith("Prot LocalAddress:Port Scheduler Flags");
        System.out.println("kernel-vm: in guest, " + lines.get(0));
    }
}
