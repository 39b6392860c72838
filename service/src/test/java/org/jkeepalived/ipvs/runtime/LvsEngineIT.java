package org.jkeepalived.ipvs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.jkeepalived.kernelvm.KernelVm;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.Test;

/** Boots the IPVS VM once and runs {@link LvsEngineKernelTest} there, with ipvsadm as the oracle. */
class LvsEngineIT {
    @Test
    void theLvsRuntimeProgramsARealIpvsAsItMeans() {
        KernelVm.require();
        Privileged.require("ipvsadm");
        KernelVm.Result r = KernelVm.runTests(400, "", LvsEngineKernelTest.class);
        System.out.println(r.output());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).as(r.output()).containsPattern("\\[\\s+0 tests aborted")
                .containsPattern("\\[\\s+0 tests failed").containsPattern("\\[\\s+5 tests successful");
    }
}
