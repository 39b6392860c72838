package org.jkeepalived.kernelvm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jkeepalived.testsupport.Privileged;

/**
 * Runs commands and tagged JUnit tests inside the project's qemu guest ({@code src/test/kernel-vm/run-in-vm.sh}):
 * Debian's stock kernel with IPVS, booted under TCG over this machine's root, for tests the host kernel cannot run.
 *
 * <p>Kernel tests are ordinary JUnit 5 classes tagged {@value #TAG} that start with {@link #assumeIpvs()}: they skip
 * on the host and run in the guest. A host-side IT (root, {@link #require()}) calls {@link #runTests} once per class:
 * every VM boot costs about 3-5 s and a JVM with the JUnit launcher 5-15 s under TCG, so batch what one boot runs.
 */
public final class KernelVm {
    /** The JUnit tag of tests that need the guest's kernel. */
    public static final String TAG = "kernel";
    /** Exit code of run-in-vm.sh when the command did not finish in time. */
    public static final int EXIT_TIMEOUT = 124;
    /** Exit code of run-in-vm.sh when the harness itself failed (cache, qemu, guest init). */
    public static final int EXIT_HARNESS = 125;

    private static final String CONSOLE_ARTIFACT = "junit-platform-console-standalone";

    private KernelVm() {
    }

    /** The outcome of one VM run: the command's exit code and its merged stdout/stderr. */
    public record Result(int exitCode, String output, long wallMillis) {
    }

    /** Inside a kernel test: skips unless the running kernel has IPVS (so on the host, runs in the guest). */
    public static void assumeIpvs() {
        assumeTrue(Files.exists(Path.of("/proc/net/ip_vs")), "needs a kernel with IPVS (runs inside KernelVm)");
    }

    /** Gate for host-side ITs that boot the VM: root and qemu + static busybox (.ci/run installs them). */
    public static void require() {
        Privileged.require("qemu-system-x86_64", "busybox", "apt-get", "dpkg-deb");
    }

    /** run-in-vm.sh, found from the module directory (failsafe's cwd) or the repository root. */
    public static Path script() {
        String basedir = System.getProperty("basedir", "");
        for (Path candidate : List.of(Path.of(basedir, "src/test/kernel-vm/run-in-vm.sh"),
                Path.of("src/test/kernel-vm/run-in-vm.sh"), Path.of("service/src/test/kernel-vm/run-in-vm.sh"))) {
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("run-in-vm.sh not found under " + Path.of(basedir).toAbsolutePath());
    }

    /**
     * Boots the VM and runs {@code bashScript} with {@code bash -c} as root in the guest (cwd and environment of
     * this JVM). Writes are discarded except under {@code rwDirs}. The output is also copied to System.out.
     */
    public static Result run(String bashScript, long timeoutSeconds, List<Path> rwDirs) {
        List<String> cmd = new ArrayList<>(List.of(script().toString(), "--timeout", Long.toString(timeoutSeconds)));
        for (Path dir : rwDirs) {
            cmd.add("--rw");
            cmd.add(dir.toAbsolutePath().toString());
        }
        cmd.addAll(List.of("--", "bash", "-c", bashScript));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putIfAbsent("IPVS_VM_VERBOSE", "1");
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd.get(0), e);
        }
        try {
            String out = drain(p.getInputStream(), p, timeoutSeconds + 60);
            return new Result(p.exitValue(), out, (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the VM ran", e);
        } finally {
            p.destroy();
        }
    }

    private static String drain(InputStream in, Process p, long maxSeconds) throws InterruptedException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            byte[] chunk = new byte[8192];
            try {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    synchronized (buf) {
                        buf.write(chunk, 0, n);
                    }
                    System.out.write(chunk, 0, n);
                }
                System.out.flush();
            } catch (IOException e) {
                // the process ended
            }
        }, "kernel-vm-output");
        reader.start();
        if (!p.waitFor(maxSeconds, TimeUnit.SECONDS)) {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        synchronized (buf) {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Boots the VM once and runs the given test classes (their {@value #TAG}-tagged tests) with the JUnit console
     * launcher, after {@code setupScript} (bash, may be empty; a non-zero exit there does not stop the tests). XML
     * reports go to {@code target/kernel-vm-reports} ({@code target} is shared writable). The exit code is the
     * launcher's: 0 all passed, 1 a failure, 2 no test found; count aborted (assumption) tests in the output.
     */
    public static Result runTests(long timeoutSeconds, String setupScript, Class<?>... testClasses) {
        Path target = Path.of(System.getProperty("basedir", ""), "target").toAbsolutePath();
        String selectors = Arrays.stream(testClasses).map(c -> "--select-class=" + c.getName())
                .collect(Collectors.joining(" "));
        String script = String.join("\n",
                setupScript,
                "kvm_up() { cut -d' ' -f1 /proc/uptime; }",
                "kvm_start=$(kvm_up)",
                "( " + junitCommand(target.resolve("kernel-vm-reports"), selectors) + " ); kvm_rc=$?",
                "echo \"kernel-vm: JVM+JUnit took $(awk -v a=$kvm_start -v b=$(kvm_up) 'BEGIN { print b - a }') s\"",
                "exit $kvm_rc");
        return run(script, timeoutSeconds, List.of(target));
    }

    /**
     * A bash line for the guest that runs the JUnit console launcher on this JVM's test classpath with the given
     * launcher arguments (e.g. {@code --select-class=org.x.FooTest} or {@code --select-method=org.x.FooTest#bar}),
     * restricted to the {@value #TAG} tag. C1 only ({@code -XX:TieredStopAtLevel=1}): fastest under TCG and it avoids
     * the rare tiered-JIT SIGSEGV seen there; an exit of 134 (JVM abort) is retried once. Exit code: the launcher's
     * (0 all passed, 1 a failure, 2 no test found). {@code selectors} are launcher options separated by spaces,
     * without shell quoting. A CDS archive of the launcher ({@link #classArchive}) is made on first use.
     */
    public static String junitCommand(Path reportsDir, String selectors) {
        Path launcher = consoleLauncher();
        String classPath = testClassPath();
        Path archive = classArchive(launcher, classPath, selectors);
        String jvmOptions = archive == null ? "" : " -XX:SharedArchiveFile=" + quote(archive.toString());
        return junitCommand(launcher, jvmOptions, classPath, reportsDir, selectors);
    }

    static String junitCommand(Path launcherJar, String jvmOptions, String classPath, Path reportsDir,
            String selectors) {
        String launch = quote(java()) + " -XX:TieredStopAtLevel=1" + jvmOptions + " -jar "
                + quote(launcherJar.toString()) + " execute --disable-banner --disable-ansi-colors --details=tree"
                + " --fail-if-no-tests --include-tag=" + TAG + " --reports-dir=" + quote(reportsDir.toString())
                + " --class-path=" + quote(classPath)
                + " " + selectors;
        return "for try in 1 2; do " + launch + "; rc=$?; [ $rc = 134 ] || break; "
                + "echo \"kernel-vm: JVM aborted (134), retrying\"; done; exit $rc";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A dynamic CDS archive of the console launcher's classes for this JDK, made once on the host by a training run
     * (the kernel tests skip there), or null if that fails. Measured in the guest: the launcher run takes ~7-9 s with
     * it against ~12-16 s without. The archive validates only the JDK and the launcher jar (the JVM classpath); a
     * stale one is ignored by the JVM with a warning (-Xshare:auto).
     */
    static Path classArchive(Path launcherJar, String classPath, String selectors) {
        try {
            String key = Integer.toHexString((System.getProperty("java.home") + "|" + launcherJar + "|"
                    + Files.getLastModifiedTime(launcherJar) + "|" + Files.size(launcherJar)).hashCode());
            Path archive = cacheDir().resolve("junit-launcher-" + key + ".jsa");
            if (Files.isRegularFile(archive)) {
                return archive;
            }
            Files.createDirectories(cacheDir());
            Path tmp = Files.createTempFile(cacheDir(), "junit-launcher-", ".jsa.tmp");
            Files.delete(tmp);
            List<String> cmd = new ArrayList<>(List.of(java(), "-XX:ArchiveClassesAtExit=" + tmp,
                    "-XX:TieredStopAtLevel=1", "-jar", launcherJar.toString(), "execute", "--disable-banner",
                    "--details=none", "--include-tag=" + TAG, "--class-path=" + classPath));
            cmd.addAll(Arrays.asList(selectors.trim().split("\\s+")));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (!Files.isRegularFile(tmp)) {
                return null;
            }
            Files.move(tmp, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return archive;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Path cacheDir() {
        return Path.of(System.getenv().getOrDefault("IPVS_VM_CACHE",
                System.getProperty("user.home") + "/.cache/jkeepalived-vm"));
    }

    /**
     * The test classpath of this JVM (surefire/failsafe publish it as {@code surefire.test.class.path}) without the
     * JUnit jars: the console launcher bundles its own, and a second jupiter engine on its classpath would make it
     * refuse to start ("multiple engines with the same ID").
     */
    static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return filterClassPath(cp);
    }

    static String filterClassPath(String cp) {
        return Arrays.stream(cp.split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank())
                .filter(e -> !e.contains("/org/junit/") && !e.contains("surefire"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /**
     * junit-platform-console-standalone of the platform version on this classpath: from the local Maven repository,
     * else fetched once into the VM cache with {@code mvn dependency:copy}. It is deliberately not a test dependency:
     * on the surefire classpath its bundled engines would be found twice.
     */
    static Path consoleLauncher() {
        String version = org.junit.platform.engine.TestEngine.class.getPackage().getImplementationVersion();
        if (version == null) {
            throw new IllegalStateException("cannot tell the JUnit platform version of this classpath");
        }
        String jar = CONSOLE_ARTIFACT + "-" + version + ".jar";
        Path repo = Path.of(System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository"));
        Path inRepo = repo.resolve("org/junit/platform/" + CONSOLE_ARTIFACT + "/" + version + "/" + jar);
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        Path cacheDir = cacheDir();
        Path cached = cacheDir.resolve(jar);
        if (!Files.isRegularFile(cached)) {
            fetch("org.junit.platform:" + CONSOLE_ARTIFACT + ":" + version, cacheDir);
        }
        if (!Files.isRegularFile(cached)) {
            throw new IllegalStateException("mvn dependency:copy did not produce " + cached);
        }
        return cached;
    }

    private static void fetch(String artifact, Path dir) {
        try {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder("mvn", "-q", "-B", "dependency:copy", "-Dartifact=" + artifact,
                    "-DoutputDirectory=" + dir).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("mvn dependency:copy " + artifact + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run mvn to fetch " + artifact, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + artifact, e);
        }
    }

    /** Single-quotes a word for bash. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
