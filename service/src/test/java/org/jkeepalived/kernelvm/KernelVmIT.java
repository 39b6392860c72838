package org.jkeepalived.kernelvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Boots the kernel VM once and checks both uses: host binaries against the guest's IPVS (ipvsadm) and a tagged
 * kernel test run by the JUnit console launcher. Prints the boot and JVM+JUnit times for the record.
 */
class KernelVmIT {
    private static KernelVm.Result result;

    @BeforeAll
    static void bootOnce() {
        KernelVm.require();
        Privileged.require("ipvsadm");
        String ipvsadm = String.join("\n",
                "echo \"kernel-vm: ipvsadm at $(cut -d' ' -f1 /proc/uptime) s uptime\"",
                "ipvsadm -A -t 10.1.1.1:80 -s rr && ipvsadm -a -t 10.1.1.1:80 -r 10.1.1.2:80 -g && ipvsadm -Ln",
                "echo \"--- junit (ipvsadm exit $?)\"");
        result = KernelVm.runTests(240, ipvsadm, IpvsProcKernelTest.class);
    }

    @Test
    void ipvsadmCreatesAServiceWithADirectRoutedRealServerInTheGuestKernel() {
        assertThat(result.output()).contains("--- junit (ipvsadm exit 0)");
        String ipvsadm = result.output().substring(0, result.output().indexOf("--- junit"));
        assertThat(ipvsadm).contains("IP Virtual Server version 1.2.1")
                .containsPattern("TCP  10\\.1\\.1\\.1:80 rr\\s")
                .containsPattern("-> 10\\.1\\.1\\.2:80\\s+Route\\s+1\\s+0\\s+0");
    }

    @Test
    void aTaggedKernelTestRunsInTheGuestAndPasses() {
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("--- junit");
        String junit = result.output().substring(result.output().indexOf("--- junit"));
        assertThat(junit).contains("kernel-vm: in guest, IP Virtual Server version");
        assertThat(count(junit, "tests successful")).isEqualTo(1);
        assertThat(count(junit, "tests skipped")).isZero();
        assertThat(count(junit, "tests aborted")).isZero();
        assertThat(count(junit, "tests failed")).isZero();
        System.out.println("kernel-vm: whole VM run " + result.wallMillis() + " ms");
    }

    private static int count(String output, String label) {
        Matcher m = Pattern.compile("\\[\\s+(\\d+) " + label + "\\s+]").matcher(output);
        if (!m.find()) {
            throw new AssertionError("no '" + label + "' in the launcher summary:\n" + output);
        }
        return Integer.parseInt(m.group(1));
    }
}
