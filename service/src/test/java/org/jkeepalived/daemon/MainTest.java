package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-shot modes, in process (the daemon itself is exercised as a subprocess by DaemonIT). */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownFlagIsOneLineAndExitTwo() {
        assertThat(Main.run(new String[] {"--bogus"})).isEqualTo(2);
        assertThat(err()).isEqualTo("jkeepalived: unrecognized option '--bogus' (see --help)\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void signumPrintsKeepalivedsNumbers() {
        assertThat(Main.run(new String[] {"--signum=STATS_CLEAR"})).isZero();
        assertThat(out()).isEqualTo("63\n");
        assertThat(Main.run(new String[] {"--signum=TDATA"})).isEqualTo(1);
        assertThat(err()).isEqualTo("Unknown sigfunc TDATA\n");
    }

    @Test
    void helpAndVersion() {
        assertThat(Main.run(new String[] {"-h"})).isZero();
        assertThat(err()).startsWith("Usage: jkeepalived [OPTION...]");
        err.reset();
        assertThat(Main.run(new String[] {"--version"})).isZero();
        assertThat(err()).startsWith("jkeepalived v");
    }

    @Test
    void configTestPrintsFindingsToStderrAndExitsWithKeepalivedsCode() throws Exception {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, "no_such_keyword_anywhere 1\n");
        int rc = Main.run(new String[] {"-t", "-f", conf.toString(), "-i", "n1"});
        assertThat(rc).isEqualTo(5);
        assertThat(err()).contains("(" + conf + ": Line 1) Unknown keyword 'no_such_keyword_anywhere'");
        assertThat(out()).isEmpty();
    }

    @Test
    void configTestOfACleanFileExitsZeroSilently() throws Exception {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, "# nothing\n");
        assertThat(Main.run(new String[] {"-t", "-f", conf.toString()})).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void configTestWritesToTheFileGivenToT() throws Exception {
        Path conf = dir.resolve("k.conf");
        Path log = dir.resolve("t.log");
        Files.writeString(conf, "no_such_keyword_anywhere\n");
        assertThat(Main.run(new String[] {"-t" + log, "-f", conf.toString()})).isEqualTo(5);
        assertThat(Files.readString(log)).contains("Unknown keyword 'no_such_keyword_anywhere'");
        assertThat(err()).isEmpty();
    }

    @Test
    void dumpConfPrintsJsonOnStdoutAndExitsZero() throws Exception {
        Path conf = dir.resolve("k.conf");
        Files.writeString(conf, "no_such_keyword_anywhere\n");
        assertThat(Main.run(new String[] {"--dump-conf", "-f", conf.toString(), "-i", "n1"})).isZero();
        assertThat(out()).startsWith("{").contains("\"global\"").contains("\"routerId\"");
        assertThat(err()).contains("Unknown keyword");
        out.reset();
        // with -t too, the exit code is -t's ("-dt", not "-td": -t's optional argument would be "d")
        assertThat(Main.run(new String[] {"-dt", "-f", conf.toString()})).isEqualTo(5);
        assertThat(out()).startsWith("{");
    }

    @Test
    void aMissingConfigurationIsANoteForConfigTest() {
        assertThat(Main.run(new String[] {"-t", "-f", dir.resolve("absent.conf").toString()})).isZero();
        assertThat(err()).contains("Config files missing");
    }
}
