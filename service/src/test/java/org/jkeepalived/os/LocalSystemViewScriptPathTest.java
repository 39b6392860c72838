package org.jkeepalived.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSystemViewScriptPathTest {
    private final LocalSystemView system = new LocalSystemView(Map.of("PATH", "/usr/bin:/bin"));

    @Test
    void programsResolveToTheirRealPathSoSymlinkedDirectoriesAreNotJudged() throws Exception {
        Path sh = Path.of("/bin/sh");
        assertThat(system.findExecutable("/bin/sh")).contains(sh.toRealPath());
        assertThat(system.findExecutable("sh")).contains(sh.toRealPath());
        assertThat(Files.isSymbolicLink(system.findExecutable("sh").orElseThrow())).isFalse();
    }

    @Test
    void missingOrNonExecutableFilesAreNotFound() {
        assertThat(system.findExecutable("/no/such/program")).isEmpty();
        assertThat(system.findExecutable("/etc/passwd")).isEmpty();
        assertThat(system.findExecutable("")).isEmpty();
    }
}
