package org.jkeepalived.config.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jkeepalived.testsupport.Launcher;
import org.jkeepalived.testsupport.Netns;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser oracle: Debian's keepalived 2.2.7 and {@code bin/jkeepalived} judge the same configs with
 * {@code -t} inside a network namespace that has the interfaces the configs name, and must give the
 * same exit code. Covers keepalived's 25 samples, the project's corpus under
 * {@code src/test/resources/oracle/} (each file records keepalived's code in its first line, which is
 * checked too, so the corpus cannot silently change meaning) and the generated large config.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigOracleIT {
    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");
    private static final Pattern EXPECT = Pattern.compile("^# keepalived -t: (\\d+)");

    private Netns ns;
    private Path launcher;

    @BeforeAll
    void setUp() {
        Privileged.require("keepalived", "ip");
        launcher = Launcher.launcher();
        ns = Netns.create("jka-oracle").withInterfaces("eth0", "eth1", "eth2", "eth3", "eth0.1");
    }

    @AfterAll
    void tearDown() {
        if (ns != null) {
            ns.close();
        }
    }

    private record Verdicts(Netns.Result keepalived, Netns.Result ours) {
    }

    /** Runs both -t's concurrently (two cores) and returns both results. */
    private Verdicts judge(Path conf) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Netns.Result> k = pool.submit(() -> ns.run(List.of("keepalived", "-t", "-f", conf.toString()), 120));
            Future<Netns.Result> j = pool.submit(() -> ns.run(List.of(launcher.toString(), "-t", "-f", conf.toString()), 120));
            return new Verdicts(k.get(), j.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertSameVerdict(Path conf) throws Exception {
        Verdicts v = judge(conf);
        assertThat(v.ours().exitCode())
                .as("exit code of jkeepalived -t for %s%n--- keepalived said (exit %d):%n%s%n--- jkeepalived said:%n%s",
                        conf, v.keepalived().exitCode(), clip(v.keepalived().output()), clip(v.ours().output()))
                .isEqualTo(v.keepalived().exitCode());
        Integer recorded = recordedExpectation(conf);
        if (recorded != null) {
            assertThat(v.keepalived().exitCode()).as("keepalived's own verdict on %s (recorded in its first line)", conf)
                    .isEqualTo(recorded);
        }
    }

    private static String clip(String s) {
        return s.length() > 4000 ? s.substring(0, 4000) + "\n[...]" : s;
    }

    private static Integer recordedExpectation(Path conf) throws IOException {
        if (conf.startsWith(SAMPLES)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(conf)) {
            String first = lines.findFirst().orElse("");
            Matcher m = EXPECT.matcher(first);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }
    }

    @TestFactory
    Stream<DynamicTest> keepalivedSamples() throws IOException {
        List<Path> samples;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            samples = s.filter(p -> p.getFileName().toString().startsWith("keepalived.conf.")).sorted().toList();
        }
        assertThat(samples).as("keepalived's shipped samples").hasSize(25);
        return samples.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> assertSameVerdict(p)));
    }

    @TestFactory
    Stream<DynamicTest> projectCorpus() throws IOException {
        Path dir = Path.of("src/test/resources/oracle").toAbsolutePath();
        List<Path> configs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".conf")).sorted().forEach(configs::add);
        }
        assertThat(configs).as("the project's oracle corpus").hasSizeGreaterThanOrEqualTo(40);
        for (Path c : configs) {
            assertThat(recordedExpectation(c)).as("first line of %s records keepalived's exit code", c).isNotNull();
        }
        return configs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> assertSameVerdict(p)));
    }

    @Test
    void generatedLargeConfig(@TempDir Path tmp) throws Exception {
        Path conf = tmp.resolve("large.conf");
        Files.writeString(conf, LargeConfig.generate(1000, 1000, 10));
        Verdicts v = judge(conf);
        assertThat(v.keepalived().exitCode()).as("keepalived accepts the generated config cleanly: %s",
                clip(v.keepalived().output())).isZero();
        assertThat(v.ours().exitCode()).as("jkeepalived -t on the generated config: %s", clip(v.ours().output()))
                .isZero();
    }
}
