package org.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.config.bind.Grammar;
import org.jkeepalived.config.syntax.Keyword;
import org.junit.jupiter.api.Test;

/**
 * Every keyword keepalived's parser accepts (HEAD's 363 words, shared/reference Appendix B) is in our
 * grammar, and the README's list of keywords accepted but not implemented is exactly the grammar's.
 */
class KeywordInventoryTest {
    private static Set<String> reachable(Keyword k, boolean onlyNotImplemented) {
        Set<String> out = new TreeSet<>();
        collect(k, out, onlyNotImplemented, new HashSet<>());
        return out;
    }

    private static void collect(Keyword k, Set<String> out, boolean onlyNotImplemented, Set<Keyword> seen) {
        if (!seen.add(k)) {
            return;
        }
        for (var e : k.children().entrySet()) {
            if (!onlyNotImplemented || !e.getValue().implemented()) {
                out.add(e.getKey());
            }
            collect(e.getValue(), out, onlyNotImplemented, seen);
        }
    }

    @Test
    void everyKeywordKeepalivedAcceptsIsInTheGrammar() throws IOException {
        List<String> expected;
        try (InputStream in = getClass().getResourceAsStream("/keywords/keepalived-head-keywords.txt")) {
            expected = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+"))
                    .filter(s -> !s.isBlank()).toList();
        }
        assertThat(expected).hasSize(363);
        assertThat(reachable(Grammar.root(), false)).containsAll(expected);
    }

    @Test
    void readmeListsExactlyTheKeywordsAcceptedButNotImplemented() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        int start = text.indexOf("<!-- not-implemented:start -->");
        int end = text.indexOf("<!-- not-implemented:end -->");
        assertThat(start).as("README has the not-implemented markers").isPositive();
        // Lines read "- in `block`: `kw1`, `kw2`" or "- at top level: ...": keywords follow the colon.
        Set<String> listed = new TreeSet<>();
        for (String line : text.substring(start, end).split("\n")) {
            int colon = line.indexOf(": ");
            if (!line.startsWith("- ") || colon < 0) {
                continue;
            }
            Matcher m = Pattern.compile("`([^`]+)`").matcher(line.substring(colon + 2));
            while (m.find()) {
                listed.add(m.group(1));
            }
        }
        assertThat(listed).isEqualTo(reachable(Grammar.root(), true));
    }
}
