package org.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bad input never throws, whatever the section: seeded character- and line-level mutations of every
 * config in the oracle corpus (and keepalived's samples, where installed) go through the whole
 * pipeline, reader included (quotes, braces, parameters, conditionals, repetition, includes).
 */
class ConfigRobustnessTest {
    private static final String[] JUNK = {"{", "}", "\"", "'", "$", "${", "$X=", "$X= \\", "@", "@^", "~SEQ(n,1,3) ",
            "~LST(a,1,2) ", "~SEQ(", "#", "!", "\\", "include ", "include *", "0", "-1", "4294967296", "1e9", "0x10",
            "::", "10.0.0.", "eth9", "weight", " ", "\n", "\t", "\u00e9", "\u0000", "}}}", "{{{"};

    private static List<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/oracle"))) {
            s.filter(p -> p.toString().endsWith(".conf")).sorted().forEach(files::add);
        }
        Path samples = Path.of("/usr/share/doc/keepalived/samples");
        if (Files.isDirectory(samples)) {
            try (Stream<Path> s = Files.list(samples)) {
                s.filter(p -> p.getFileName().toString().startsWith("keepalived.conf.")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void mutatedConfigsAreReportedNeverThrown() throws IOException {
        List<Path> files = corpus();
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        // Fixed by default so failures reproduce; -Dfuzz.seed / -Dfuzz.rounds explore further.
        Random random = new Random(Long.getLong("fuzz.seed", 0x6b65_6570L));
        int rounds = Integer.getInteger("fuzz.rounds", 60);
        int loads = 0;
        for (Path f : files) {
            String original = Files.readString(f);
            for (int n = 0; n < rounds; n++) {
                String text = mutate(original, random);
                assertThatCode(() -> ConfigFixture.load(text)).as("%s mutated:%n%s", f, text)
                        .doesNotThrowAnyException();
                loads++;
            }
        }
        assertThat(loads).isGreaterThanOrEqualTo(40 * rounds);
    }

    private static String mutate(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(5);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(5)) {
                case 0 -> b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(12)));
                case 1 -> b.insert(at, JUNK[random.nextInt(JUNK.length)]);
                case 2 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
                case 3 -> {
                    int lineStart = at == 0 ? 0 : b.lastIndexOf("\n", at - 1) + 1;
                    int lineEnd = b.indexOf("\n", lineStart);
                    String line = b.substring(lineStart, lineEnd < 0 ? b.length() : lineEnd);
                    b.insert(lineStart, line + "\n");
                }
                default -> b.insert(at, "\n" + JUNK[random.nextInt(JUNK.length)] + " ");
            }
        }
        return b.toString();
    }
}
