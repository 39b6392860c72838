package org.jkeepalived.config.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    private List<String> read(String text) throws IOException {
        return read(text, "host1");
    }

    private List<String> read(String text, String configId) throws IOException {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, text);
        ConfigReader r = new ConfigReader(ReaderOptions.forTest(configId, Map.of("HOME", "/root")), diagnostics);
        return r.read(f).stream().map(SourceLine::text).toList();
    }

    @Test
    void commentsAndBlankLinesDisappear() throws IOException {
        assertThat(read("# a\n! b\n\n  router_id x # trailing\nrouter_id y!z\nsmtp \"a#b\"\nk a\\#b\n"))
                .containsExactly("router_id x", "router_id y", "smtp \"a#b\"", "k a#b");
    }

    @Test
    void lineLocationsAreKept() throws IOException {
        Path f = dir.resolve("k.conf");
        Files.writeString(f, "a\n\n# c\nb\n");
        List<SourceLine> lines = new ConfigReader(ReaderOptions.forTest("h", Map.of()), diagnostics).read(f);
        assertThat(lines).extracting(l -> l.location().line()).containsExactly(1, 4);
        assertThat(lines.get(1).location().toString()).isEqualTo("(" + f + ": Line 4)");
    }

    @Test
    void longLinesAreCutAt1023BytesLikeFgets() throws IOException {
        String longWord = "x".repeat(1100);
        List<String> lines = read("router_id " + longWord + "\n");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(1023);
        assertThat(lines.get(1)).isEqualTo("x".repeat(1110 - 1023));
        assertThat(diagnostics.all()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.NOTE);
            assertThat(d.message()).startsWith("Line too long");
        });
    }

    @Test
    void includeIsRelativeToTheIncludingFileWithGlobsAndBraces() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(sub.resolve("b.conf"), "from_b\n");
        Files.writeString(sub.resolve("a.conf"), "from_a\ninclude ../extra/{x,y}.conf\n");
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(extra.resolve("x.conf"), "from_x\n");
        Files.writeString(extra.resolve("y.conf"), "from_y\n");
        assertThat(read("first\ninclude conf.d/*.conf\nlast\n"))
                .containsExactly("first", "from_a", "from_x", "from_y", "from_b", "last");
    }

    @Test
    void missingIncludeIsOnlyANote() throws IOException {
        assertThat(read("include nothing/*.conf\ninclude missing.conf\nkeep\n")).containsExactly("keep");
        assertThat(diagnostics.all()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.NOTE));
        assertThat(diagnostics.exitCode()).isZero();
    }

    @Test
    void includeOfADirectoryIsSkippedWithANote() throws IOException {
        Files.createDirectories(dir.resolve("d"));
        assertThat(read("include d\nkeep\n")).containsExactly("keep");
        assertThat(diagnostics.all()).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("is a directory - skipping"));
    }

    @Test
    void conditionalsFollowTheConfigId() throws IOException {
        String text = "@high priority 170\n@low priority 85\n@^high nothigh\nall\n";
        assertThat(read(text, "high")).containsExactly("priority 170", "all");
        assertThat(read(text, "low")).containsExactly("priority 85", "nothigh", "all");
        assertThat(read(text, "other")).containsExactly("nothigh", "all");
    }

    @Test
    void parametersAreSubstitutedLateAndRecursively() throws IOException {
        assertThat(read("$A=one\n$B=${A}two\nname $B\nname ${B}x\n$A=uno\nname $B\nkeep $Undefined ${Nope}\n"))
                .containsExactly("name onetwo", "name onetwox", "name unotwo", "keep $Undefined ${Nope}");
    }

    @Test
    void multiLineParameterExpandsIntoLines() throws IOException {
        String text = "$BLK= \\\nvrrp_instance $N { \\\ninterface eth0 \\\n}\n$N=P1\n$BLK\n$N=P2\n$BLK\n";
        assertThat(read(text)).containsExactly(
                "vrrp_instance P1 {", "interface eth0", "}", "vrrp_instance P2 {", "interface eth0", "}");
    }

    @Test
    void conditionalParameterDefinition() throws IOException {
        assertThat(read("@host1 $PRIO=240\n@^host1 $PRIO=100\npriority $PRIO\n")).containsExactly("priority 240");
    }

    @Test
    void builtins() throws IOException {
        List<String> lines = read("a ${_INSTANCE}\nb ${_HASH}${_BANG}\nc ${_ENV HOME}\nd ${_PWD}\ne ${_RANDOM 5 5}\n");
        assertThat(lines).containsExactly("a host1", "b #!", "c /root", "d " + dir, "e 5");
    }

    @Test
    void reservedParameterNamesAreRejected() throws IOException {
        read("$_X=1\n");
        assertThat(diagnostics.exitCode()).isEqualTo(5);
    }

    @Test
    void seqRepeatsWithStartStepEndAndHex() throws IOException {
        assertThat(read("~SEQ(i,3) v$i\n")).containsExactly("v1", "v2", "v3");
        assertThat(read("~SEQ(i,2,4) v${i}x\n")).containsExactly("v2x", "v3x", "v4x");
        assertThat(read("~SEQ(i,10,-3,4) v$i\n")).containsExactly("v10", "v7", "v4");
        assertThat(read("~SEQx(i,9,12) v$i\n")).containsExactly("v9", "va", "vb", "vc");
    }

    @Test
    void lstRepeatsValuesAndTuplesAndNests() throws IOException {
        assertThat(read("~LST(n,a,b,c) v$n\n")).containsExactly("va", "vb", "vc");
        assertThat(read("~LST({n,m},{a,1},{b,2}) v${n}_$m\n")).containsExactly("va_1", "vb_2");
        assertThat(read("~SEQ(i,2) ~LST(n,a,b) v${n}$i\n")).containsExactly("va1", "vb1", "va2", "vb2");
    }

    @Test
    void loopVariablesReachAMultiLineParameter() throws IOException {
        String text = "$INST= \\\nvi_$n { \\\nvrid ${v}$n \\\n}\n~LST({v},{1},{2}) ~SEQ(n,1,2) $INST\n";
        assertThat(read(text)).containsExactly(
                "vi_1 {", "vrid 11", "}", "vi_2 {", "vrid 12", "}", "vi_1 {", "vrid 21", "}", "vi_2 {", "vrid 22", "}");
    }

    @Test
    void includeLinesAreNotConditional() throws IOException {
        Files.writeString(dir.resolve("x.conf"), "from_x\n");
        // keepalived recognises include before @ processing: "@other include x.conf" is not an include.
        assertThat(read("@host1 include x.conf\n")).containsExactly("include x.conf");
    }

    @Test
    void recursiveIncludeStopsWithANoteLikeKeepalivedRunningOutOfFiles() throws IOException {
        Path f = dir.resolve("keepalived.conf");
        assertThat(read("include keepalived.conf\nkeep\n")).contains("keep");
        assertThat(diagnostics.exitCode()).isZero();
        assertThat(diagnostics.all()).anySatisfy(d -> assertThat(d.message()).contains("open problem"));
        assertThat(f).exists();
    }

    @Test
    void fifosAndExecutableFilesAreSkippedWithANote() throws Exception {
        Path fifo = dir.resolve("fifo.conf");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Path exe = dir.resolve("exe.conf");
        Files.writeString(exe, "from_exe\n");
        exe.toFile().setExecutable(true);
        assertThat(read("include fifo.conf\ninclude exe.conf\nkeep\n")).containsExactly("keep");
        assertThat(diagnostics.exitCode()).isZero();
        assertThat(diagnostics.all()).hasSize(2)
                .allSatisfy(d -> assertThat(d.message()).endsWith("is not a regular non-executable file - skipping"));
    }

    @Test
    void aFileIncludingItsOwnDirectoryTwiceIsReadOnce() throws IOException {
        // Following this loop would take 2^depth reads; each repeat is skipped with a note instead.
        List<String> lines = read("include *\ninclude *\nkeep\n");
        assertThat(lines).containsExactly("keep");
        assertThat(diagnostics.exitCode()).isZero();
        assertThat(diagnostics.all()).allSatisfy(d -> assertThat(d.message()).contains("include loop"));
    }

    @Test
    void oddIncludePatternsAreMissingFilesNotCrashes() throws IOException {
        assertThat(read("include inc/*.conf{\ninclude [abc\ninclude a\u0000b.conf\nkeep\n")).containsExactly("keep");
        assertThat(diagnostics.exitCode()).isZero();
    }
}
