package org.jkeepalived.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jkeepalived.testsupport.Launcher;
import org.junit.jupiter.api.Test;

/**
 * The files under rpm/ agree with each other, without root or rpmbuild (RpmIT checks the built package):
 * the pid file the options name lies in the unit's RuntimeDirectory, the service user's home is its
 * StateDirectory, the root-mode drop-in undoes what the unit restricts, and the spec ships every file.
 */
class PackagingFilesTest {
    private final Path rpm = Launcher.repositoryRoot().resolve("rpm");

    @Test
    void pidFileAndStateDirectoryAreTheUnitsOwn() throws IOException {
        Map<String, String> service = RpmIT.section(Files.readString(rpm.resolve("jkeepalived.service")), "Service");
        Matcher opts = Pattern.compile("(?m)^KEEPALIVED_OPTIONS=\"(.*)\"$")
                .matcher(Files.readString(rpm.resolve("jkeepalived.sysconfig")));
        assertThat(opts.find()).isTrue();
        Matcher pid = Pattern.compile("-p (\\S+)").matcher(opts.group(1));
        assertThat(pid.find()).as("-p in KEEPALIVED_OPTIONS").isTrue();
        assertThat(Path.of(pid.group(1)).getParent()).isEqualTo(Path.of("/run", service.get("RuntimeDirectory")));

        String user = Files.readString(rpm.resolve("jkeepalived.sysusers")).lines()
                .filter(l -> l.startsWith("u ")).findFirst().orElseThrow();
        assertThat(user).startsWith("u " + service.get("User") + " ")
                .contains(" /var/lib/" + service.get("StateDirectory") + " ");
        assertThat(service.get("Environment")).isEqualTo("JKEEPALIVED_STATE_DIR=/var/lib/" + service.get("StateDirectory"));
        assertThat(service.get("ExecStart")).endsWith("$KEEPALIVED_OPTIONS");
    }

    @Test
    void rootModeUndoesTheRestrictions() throws IOException {
        Map<String, String> unit = RpmIT.section(Files.readString(rpm.resolve("jkeepalived.service")), "Service");
        Map<String, String> drop = RpmIT.section(Files.readString(rpm.resolve("root-mode.conf")), "Service");
        assertThat(drop).containsEntry("User", "root").containsEntry("Group", "root")
                .containsEntry("AmbientCapabilities", "").containsEntry("CapabilityBoundingSet", "~")
                .containsEntry("NoNewPrivileges", "no");
        // Whatever keeps root from acting as root is reset; the rest of the hardening stays.
        for (String key : Set.of("ProtectSystem", "ProtectHome", "RestrictSUIDSGID", "RestrictAddressFamilies",
                "RestrictNamespaces")) {
            assertThat(unit).containsKey(key);
            assertThat(drop).containsKey(key);
        }
    }

    @Test
    void specShipsEveryFileOfRpmDirectory() throws IOException {
        String spec = Files.readString(rpm.resolve("jkeepalived.spec"));
        Set<String> sources = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^Source\\d+:\\s+(\\S+)$").matcher(spec);
        while (m.find()) {
            sources.add(m.group(1));
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(rpm)) {
            s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !Set.of("build.sh", "jkeepalived.spec", ".gitignore").contains(n))
                    .forEach(files::add);
        }
        assertThat(sources).isEqualTo(files);
        for (int i = 1; i <= sources.size(); i++) {
            assertThat(spec).as("Source" + i + " installed").contains("%{SOURCE" + i + "}");
        }
    }
}
