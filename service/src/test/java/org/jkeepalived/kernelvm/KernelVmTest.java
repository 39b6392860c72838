package org.jkeepalived.kernelvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KernelVmTest {
    @Test
    void theGuestClasspathDropsJunitJarsAndSurefireBootersButKeepsClassesAndOtherJars() {
        String cp = String.join(":", "/w/service/target/test-classes", "/w/service/target/classes",
                "/r/.m2/repository/org/junit/jupiter/junit-jupiter-engine/5.14.1/junit-jupiter-engine-5.14.1.jar",
                "/r/.m2/repository/org/junit/platform/junit-platform-engine/1.14.1/junit-platform-engine-1.14.1.jar",
                "/r/.m2/repository/org/assertj/assertj-core/3.27.6/assertj-core-3.27.6.jar",
                "/tmp/surefire123/surefirebooter456.jar", "");
        assertThat(KernelVm.filterClassPath(cp)).isEqualTo("/w/service/target/test-classes:/w/service/target/classes:"
                + "/r/.m2/repository/org/assertj/assertj-core/3.27.6/assertj-core-3.27.6.jar");
    }

    @Test
    void quotingSurvivesSingleQuotesAndSpaces() {
        assertThat(KernelVm.quote("a b'c")).isEqualTo("'a b'\\''c'");
    }

    @Test
    void theJunitCommandRunsOnlyKernelTaggedTestsC1OnlyAndRetriesAJvmAbortOnce() {
        String cmd = KernelVm.junitCommand(Path.of("/j/console.jar"), "", "/w/classes", Path.of("/w/target/r"),
                "--select-class=x.FooTest");
        assertThat(cmd).contains("-XX:TieredStopAtLevel=1", "--include-tag=kernel", "--reports-dir='/w/target/r'",
                "--fail-if-no-tests", "-jar '/j/console.jar'", "--class-path='/w/classes'",
                "--select-class=x.FooTest", "[ $rc = 134 ] || break", "exit $rc");
    }
}
