package org.jkeepalived.ipvs.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.jkeepalived.kernelvm.KernelVm;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.Test;

/** Boots the IPVS VM once and runs {@link LinuxIpvsKernelTest} (the contract, ipvsadm, sync daemon) there. */
class LinuxIpvsKernelIT {
    @Test
    void theLinuxClientPassesItsKernelTestsAgainstARealIpvs() {
        KernelVm.require();
        Privileged.require("ipvsadm", "ip");
        KernelVm.Result r = KernelVm.runTests(500, "", LinuxIpvsKernelTest.class);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).as(r.output()).containsPattern("\\[\\s+0 tests aborted")
                .containsPattern("\\[\\s+0 tests failed").containsPattern("\\[\\s+11 tests successful");
        System.out.println(r.output());
    }
}
