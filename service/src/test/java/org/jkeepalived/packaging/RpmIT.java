package org.jkeepalived.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RPM as CI sees it: rpm/build.sh builds it with Debian's rpmbuild; its file list, config files,
 * dependencies and scriptlets are checked with {@code rpm -qp}; it is installed into a scratch root with
 * {@code rpm --root} ({@code --nodeps}: Debian has no package providing java-headless; {@code --noscripts}:
 * the scriptlets run chrooted with the root's /bin/sh, which an empty scratch root lacks, so they are
 * checked with {@code sh -n}, by content and by running them in a private mount namespace, and the user
 * they create is created with systemd-sysusers --root from the packaged sysusers.d file); {@code systemd-analyze verify --root} checks the installed
 * unit, with and without the root-mode drop-in; and the installed launcher checks the installed default
 * configuration with {@code -t}.
 */
class RpmIT {
    private static final String UNIT = "/usr/lib/systemd/system/jkeepalived.service";
    private static final List<String> CONFIG_FILES = List.of("/etc/keepalived/keepalived.conf",
            "/etc/logrotate.d/jkeepalived", "/etc/rsyslog.d/jkeepalived.conf", "/etc/sysconfig/jkeepalived");
    /** rpm's RPMFILE_CONFIG and RPMFILE_NOREPLACE file flags. */
    private static final int CONFIG = 1;
    private static final int NOREPLACE = 1 << 4;

    @TempDir
    static Path work;
    static Path repo;
    static Path rpmFile;
    static Path root;

    @BeforeAll
    static void buildAndInstall() throws IOException {
        Privileged.require("rpmbuild", "rpm", "systemd-analyze", "systemd-sysusers", "man", "unshare");
        repo = Launcher.repositoryRoot();
        Launcher.launcher(); // the jar must have been built
        Cmd.Result built = Cmd.of(repo.resolve("rpm/build.sh").toString(), work.resolve("out").toString()).ok(300);
        String[] lines = built.out().strip().split("\n");
        rpmFile = Path.of(lines[lines.length - 1]);
        assertThat(rpmFile).exists();
        assertThat(rpmFile.getFileName().toString()).endsWith(".noarch.rpm");

        root = work.resolve("root");
        Files.createDirectories(root);
        // The service user first, from the sysusers.d file in the tree, so that the file owned by its
        // group resolves at install time (the %pre scriptlet does this on a real system).
        Files.createDirectories(root.resolve("etc"));
        Cmd.of("systemd-sysusers", "--root=" + root, repo.resolve("rpm/jkeepalived.sysusers").toString()).ok(30);
        Cmd.Result installed = Cmd.of("rpm", "--root", root.toString(), "-i", "--nodeps", "--noscripts",
                rpmFile.toString()).ok(120);
        assertThat(installed.err()).doesNotContain("does not exist");
    }

    private static Cmd.Result query(String... args) {
        List<String> cmd = new ArrayList<>(List.of("rpm", "-qp"));
        cmd.addAll(List.of(args));
        cmd.add(rpmFile.toString());
        return Cmd.of(cmd).ok(60);
    }

    @Test
    void headerIsNoarchWithThePomVersion() throws IOException {
        String pom = Files.readString(repo.resolve("pom.xml"));
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).isTrue();
        String expected = m.group(1).replaceFirst("-SNAPSHOT$", "~SNAPSHOT");
        assertThat(query("--qf", "%{NAME} %{VERSION} %{ARCH}").out()).isEqualTo("jkeepalived " + expected + " noarch");
    }

    @Test
    void fileListHasEveryExpectedPath() throws IOException {
        Set<String> files = Set.copyOf(query("-l").out().lines().toList());
        List<String> expected = new ArrayList<>(List.of("/usr/sbin/jkeepalived", "/usr/share/jkeepalived/jkeepalived.jar",
                "/usr/share/jkeepalived/systemd/root-mode.conf", UNIT, "/usr/lib/sysusers.d/jkeepalived.conf",
                "/usr/share/man/man8/jkeepalived.8.gz", "/usr/share/doc/jkeepalived/install.md"));
        expected.addAll(CONFIG_FILES);
        try (Stream<Path> libs = Files.list(repo.resolve("service/target/lib"))) {
            libs.forEach(l -> expected.add("/usr/share/jkeepalived/lib/" + l.getFileName()));
        }
        try (Stream<Path> mibs = Files.list(repo.resolve("mibs"))) {
            mibs.filter(p -> p.toString().endsWith(".txt"))
                    .forEach(p -> expected.add("/usr/share/snmp/mibs/" + p.getFileName()));
        }
        assertThat(files).containsAll(expected);
        // Nothing from the build tree leaks in (e.g. jffi's extracted stub, classes, test output).
        assertThat(files).allMatch(f -> f.startsWith("/usr/") || f.startsWith("/etc/"), "only /usr and /etc");
        assertThat(files).noneMatch(f -> f.contains("/target/") || f.endsWith(".class") || f.contains("jffi/"));
    }

    @Test
    void configFilesAreNoreplaceAndTheConfigIsGroupReadableOnly() {
        assertThat(query("--configfiles").out().lines().sorted().toList()).isEqualTo(CONFIG_FILES);
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String line : query("--qf", "[%{FILENAMES} %{FILEFLAGS} %{FILEMODES:perms} %{FILEUSERNAME}:%{FILEGROUPNAME}\\n]")
                .out().lines().toList()) {
            String[] f = line.split(" ");
            attrs.put(f[0], f[1] + " " + f[2] + " " + f[3]);
            int flags = Integer.parseInt(f[1]);
            if (CONFIG_FILES.contains(f[0])) {
                assertThat(flags & (CONFIG | NOREPLACE)).as(f[0] + " is %config(noreplace)").isEqualTo(CONFIG | NOREPLACE);
            } else {
                assertThat(flags & CONFIG).as(f[0] + " is not %config").isZero();
            }
        }
        assertThat(attrs.get("/etc/keepalived/keepalived.conf")).endsWith("-rw-r----- root:jkeepalived");
        assertThat(attrs.get("/usr/sbin/jkeepalived")).endsWith("-rwxr-xr-x root:root");
    }

    @Test
    void requiresJava17HeadlessAndConflictsWithKeepalived() {
        List<String> requires = query("--requires").out().lines().map(String::strip).toList();
        assertThat(requires).contains("java-headless >= 1:17", "util-linux", "systemd", "/bin/sh");
        assertThat(query("--conflicts").out().lines().toList()).containsExactly("keepalived");
    }

    @Test
    void scriptletsAreShellCleanAndDoWhatTheyShould() throws IOException {
        Map<String, String> scripts = scriptlets(query("--scripts").out());
        assertThat(scripts.keySet()).containsExactlyInAnyOrder("preinstall", "postinstall", "preuninstall",
                "postuninstall");
        for (Map.Entry<String, String> s : scripts.entrySet()) {
            Path f = work.resolve(s.getKey() + ".sh");
            Files.writeString(f, s.getValue());
            Cmd.Result r = Cmd.of("sh", "-n", f.toString()).run(10);
            assertThat(r.exitCode()).as(s.getKey() + ": " + r).isZero();
            assertThat(r.err()).isEmpty();
        }
        // %pre creates the user with the very line of the packaged sysusers.d file.
        String sysusers = Files.readString(repo.resolve("rpm/jkeepalived.sysusers")).lines()
                .filter(l -> l.startsWith("u ")).findFirst().orElseThrow();
        assertThat(scripts.get("preinstall"))
                .contains("systemd-sysusers --replace=/usr/lib/sysusers.d/jkeepalived.conf -")
                .contains("\n" + sysusers + "\n");
        assertThat(scripts.get("postinstall")).contains("[ $1 -eq 1 ]")
                .contains("systemctl --no-reload preset jkeepalived.service").doesNotContain(" start ");
        assertThat(scripts.get("preuninstall")).contains("[ $1 -eq 0 ]")
                .contains("systemctl --no-reload disable --now jkeepalived.service");
        assertThat(scripts.get("postuninstall")).contains("systemctl daemon-reload")
                .contains("[ $1 -ge 1 ]").contains("systemctl try-restart jkeepalived.service");
        // Every systemctl call is skipped where systemd is not running (image builds, containers).
        for (String name : List.of("postinstall", "preuninstall", "postuninstall")) {
            assertThat(scripts.get(name)).contains("[ -d /run/systemd/system ]");
        }
    }

    /**
     * The scriptlets run for real, with the arguments rpm gives them in an install (1), an upgrade (2 for
     * the new package, 1 for the old one's removal scriptlets) and an erase (0), in a private mount
     * namespace where /etc is a copy (so the user they create is not this host's), /usr/bin/systemctl is
     * a stub that records its arguments, and /run/systemd/system exists as under a running systemd;
     * then once more without it, as in a container or an image build, where they call nothing.
     */
    @Test
    void scriptletsRunInEachTransaction() throws IOException {
        Path dir = work.resolve("scriptlets");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> s : scriptlets(query("--scripts").out()).entrySet()) {
            Files.writeString(dir.resolve(s.getKey() + ".sh"), s.getValue());
        }
        Path calls = dir.resolve("calls");
        Path stub = dir.resolve("systemctl");
        Files.writeString(stub, "#!/bin/sh\necho \"systemctl $*\" >> " + calls + "\n");
        Files.setPosixFilePermissions(stub, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path etc = dir.resolve("etc");
        Cmd.of("cp", "-a", "/etc/.", etc + "/").ok(60);
        String run = "sh -e " + dir + "/";
        String transactions = "echo '== install' >> " + calls + "\n"
                + run + "preinstall.sh 1\n" + run + "postinstall.sh 1\n"
                + "echo '== upgrade' >> " + calls + "\n"
                + run + "preinstall.sh 2\n" + run + "postinstall.sh 2\n"
                + run + "preuninstall.sh 1\n" + run + "postuninstall.sh 1\n"
                + "echo '== erase' >> " + calls + "\n"
                + run + "preuninstall.sh 0\n" + run + "postuninstall.sh 0\n";
        String mounts = "set -e\nmount --bind " + stub + " /usr/bin/systemctl\nmount --bind " + etc + " /etc\n";
        String systemd = "mkdir -p /run/systemd\nmount -t tmpfs tmpfs /run/systemd\nmkdir /run/systemd/system\n";
        Path harness = dir.resolve("harness.sh");
        Files.writeString(harness, mounts + systemd + transactions);
        Cmd.Result r = Cmd.of("unshare", "--mount", "--propagation", "private", "sh", harness.toString()).run(120);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(calls)).isEqualTo("""
                == install
                systemctl --no-reload preset jkeepalived.service
                == upgrade
                systemctl daemon-reload
                systemctl try-restart jkeepalived.service
                == erase
                systemctl --no-reload disable --now jkeepalived.service
                systemctl daemon-reload
                """);
        assertThat(Files.readString(etc.resolve("passwd")))
                .containsPattern("(?m)^jkeepalived:x:\\d+:\\d+:jkeepalived VRRP daemon:/var/lib/jkeepalived:/usr/sbin/nologin$");
        assertThat(Files.readString(Path.of("/etc/passwd"))).as("this host's users are untouched")
                .doesNotContainPattern("(?m)^jkeepalived:");

        // No running systemd: /run/systemd/system hidden (an empty tmpfs over /run/systemd).
        Files.delete(calls);
        Files.writeString(harness, mounts + "mkdir -p /run/systemd\nmount -t tmpfs tmpfs /run/systemd\n" + transactions);
        r = Cmd.of("unshare", "--mount", "--propagation", "private", "sh", harness.toString()).run(120);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(calls)).isEqualTo("== install\n== upgrade\n== erase\n");
    }

    /** {@code rpm --scripts} output: "NAME scriptlet (using /bin/sh):" headers, each followed by its body. */
    static Map<String, String> scriptlets(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Pattern header = Pattern.compile("^(\\w+) scriptlet \\(using /bin/sh\\):$");
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.lines().toList()) {
            Matcher m = header.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    out.put(current, body.toString());
                }
                current = m.group(1);
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            out.put(current, body.toString());
        }
        return out;
    }

    @Test
    void sysusersFileCreatesTheServiceUser() throws IOException {
        // The packaged file is the tree's, and systemd-sysusers accepts it as installed (all of the
        // root's sysusers.d: here only ours), finding its user already there.
        assertThat(root.resolve("usr/lib/sysusers.d/jkeepalived.conf")).hasSameTextualContentAs(
                repo.resolve("rpm/jkeepalived.sysusers"));
        Cmd.Result again = Cmd.of("systemd-sysusers", "--root=" + root).run(30);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.both()).doesNotContain("Creating");
        String passwd = Files.readString(root.resolve("etc/passwd"));
        assertThat(passwd.lines().filter(l -> l.startsWith("jkeepalived:")).findFirst().orElseThrow())
                .matches("jkeepalived:x:\\d+:\\d+:jkeepalived VRRP daemon:/var/lib/jkeepalived:/usr/sbin/nologin");
        assertThat(Files.readString(root.resolve("etc/group"))).containsPattern("(?m)^jkeepalived:x:\\d+:");
        // And rpm, which resolved that group at install, verifies the installed files as packaged.
        Cmd.Result verify = Cmd.of("rpm", "--root", root.toString(), "-V", "--nodeps", "--noscripts", "jkeepalived").run(60);
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
    }

    @Test
    void installedUnitPassesSystemdAnalyzeVerify() throws IOException {
        Path unit = root.resolve(UNIT.substring(1));
        String text = Files.readString(unit);
        Map<String, String> service = section(text, "Service");
        assertThat(service).containsEntry("Type", "notify").containsEntry("NotifyAccess", "main")
                .containsEntry("ExecReload", "/bin/kill -HUP $MAINPID").containsEntry("User", "jkeepalived")
                .containsEntry("Group", "jkeepalived").containsEntry("NoNewPrivileges", "yes")
                .containsEntry("StateDirectory", "jkeepalived").containsEntry("RuntimeDirectory", "jkeepalived")
                .containsEntry("Environment", "JKEEPALIVED_STATE_DIR=/var/lib/jkeepalived")
                .containsKey("WatchdogSec").doesNotContainKey("MemoryDenyWriteExecute");
        assertThat(service.get("ExecStart")).startsWith("/usr/sbin/jkeepalived ");
        Set<String> caps = Set.of("CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_NET_BIND_SERVICE");
        assertThat(Set.of(service.get("AmbientCapabilities").split(" "))).isEqualTo(caps);
        assertThat(Set.of(service.get("CapabilityBoundingSet").split(" "))).isEqualTo(caps);
        // The pid file the options name is in the unit's RuntimeDirectory (the user cannot write /run).
        String sysconfig = Files.readString(root.resolve("etc/sysconfig/jkeepalived"));
        assertThat(sysconfig).containsPattern("(?m)^KEEPALIVED_OPTIONS=\".*-p /run/jkeepalived/jkeepalived\\.pid.*\"$")
                .containsPattern("(?m)^KEEPALIVED_OPTIONS=\".*-S 6.*\"$");
        assertThat(Files.readString(root.resolve("etc/rsyslog.d/jkeepalived.conf")))
                .containsPattern("(?m)^local6\\.\\*\\s+/var/log/keepalived\\.log$");

        seedSystemdRoot();
        assertVerifies();
        // The root-mode drop-in, as docs/install.md says to install it.
        Path dropIn = root.resolve("etc/systemd/system/jkeepalived.service.d/root-mode.conf");
        Files.createDirectories(dropIn.getParent());
        Files.copy(root.resolve("usr/share/jkeepalived/systemd/root-mode.conf"), dropIn);
        try {
            assertVerifies();
        } finally {
            Files.delete(dropIn);
        }
        // The check can fail: a unit whose ExecStart is not installed does not verify.
        Path broken = root.resolve("etc/systemd/system/jkeepalived-broken.service");
        Files.writeString(broken, text.replace("ExecStart=/usr/sbin/jkeepalived ", "ExecStart=/usr/sbin/jkeepalived-missing "));
        try {
            Cmd.Result r = verify("/etc/systemd/system/jkeepalived-broken.service");
            assertThat(r.exitCode()).as(r.toString()).isNotZero();
            assertThat(r.both()).contains("/usr/sbin/jkeepalived-missing");
        } finally {
            Files.delete(broken);
        }
    }

    private static void assertVerifies() {
        Cmd.Result r = verify(UNIT);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.both()).as("no warnings").isEmpty();
    }

    /** MANPATH: the Documentation= man page is looked up in the scratch root (where it was installed). */
    private static Cmd.Result verify(String unit) {
        return Cmd.of("systemd-analyze", "verify", "--root=" + root, unit)
                .env(Map.of("MANPATH", root.resolve("usr/share/man").toString())).run(60);
    }

    /**
     * What a real system has and the scratch root lacks: the systemd targets the unit's default and
     * explicit dependencies name (copied from this host), and /bin/kill for ExecReload (merged /usr).
     */
    private static void seedSystemdRoot() throws IOException {
        Path units = root.resolve("usr/lib/systemd/system");
        try (Stream<Path> targets = Files.list(Path.of("/usr/lib/systemd/system"))) {
            for (Path t : targets.filter(p -> p.toString().endsWith(".target")).toList()) {
                Path dest = units.resolve(t.getFileName().toString());
                if (!Files.exists(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(t, dest, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        Path kill = root.resolve("usr/bin/kill");
        if (!Files.exists(kill)) {
            Files.createDirectories(kill.getParent());
            Files.copy(Path.of("/bin/kill"), kill);
        }
        Path bin = root.resolve("bin");
        if (!Files.exists(bin, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(bin, Path.of("usr/bin"));
        }
    }

    /** The KEY=VALUE lines of one [SECTION] of a unit file (the last value of a repeated key). */
    static Map<String, String> section(String unit, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean in = false;
        for (String line : unit.lines().toList()) {
            String l = line.strip();
            if (l.startsWith("[")) {
                in = l.equals("[" + name + "]");
            } else if (in && !l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                out.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
        }
        return out;
    }

    @Test
    void installedLauncherChecksTheInstalledConfig() throws IOException {
        Path launcher = root.resolve("usr/sbin/jkeepalived");
        Path config = root.resolve("etc/keepalived/keepalived.conf");
        // The state directory inside the scratch root, so that nothing is created on this host.
        Map<String, String> env = Map.of("JKEEPALIVED_STATE_DIR", root.resolve("var/lib/jkeepalived").toString());
        Cmd.Result r = Cmd.of(launcher.toString(), "-t", "-f", config.toString()).env(env).run(120);
        assertThat(r.exitCode()).as(r.toString()).isZero();

        // It ran the installed jar, not the build tree's.
        Cmd.Result traced = Cmd.of("sh", "-x", launcher.toString(), "--version").env(env).run(120);
        assertThat(traced.exitCode()).as(traced.toString()).isZero();
        assertThat(traced.err()).contains("jar=" + root.resolve("usr/share/jkeepalived/jkeepalived.jar"));
        assertThat(traced.both()).contains("jkeepalived v");

        // And -t can fail: an invalid configuration beside it exits non-zero with its location.
        Path bad = root.resolve("etc/keepalived/bad.conf");
        Files.writeString(bad, Files.readString(config) + "\nvrrp_instance VI_1 {\n    virtual_router_id 999\n}\n");
        Cmd.Result failed = Cmd.of(launcher.toString(), "-t", "-f", bad.toString()).env(env).run(120);
        assertThat(failed.exitCode()).as(failed.toString()).isNotZero();
        assertThat(failed.err()).contains(bad + ": Line");
    }

    @Test
    void manPageRendersWithoutWarnings() {
        Cmd.Result r = Cmd.of("man", "--warnings", "-l", root.resolve("usr/share/man/man8/jkeepalived.8.gz").toString())
                .env(Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat", "LC_ALL", "C")).run(60);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        // Every option of --help is documented.
        Set<String> helpFlags = new TreeSet<>();
        Matcher m = Pattern.compile("--([a-z_-]+)").matcher(Cmd.of(root.resolve("usr/sbin/jkeepalived").toString(), "--help")
                .env(Map.of("JKEEPALIVED_STATE_DIR", root.resolve("var/lib/jkeepalived").toString())).run(60).both());
        while (m.find()) {
            helpFlags.add(m.group(1));
        }
        String page = r.out();
        assertThat(helpFlags).isNotEmpty();
        assertThat(helpFlags.stream().filter(f -> !page.contains("--" + f)).collect(Collectors.toList()))
                .as("options of --help missing from jkeepalived(8)").isEmpty();
    }
}
