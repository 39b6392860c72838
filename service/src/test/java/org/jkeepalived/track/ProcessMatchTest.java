package org.jkeepalived.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.model.track.TrackProcess;
import org.jkeepalived.config.model.track.TrackProcess.ParamMatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * keepalived 2.2.7's counts (dump "Current processes") for processes A = {@code /tmp/jkap/jkasleep1 1000}
 * and B = {@code jkasleep1 2000 3}, both with comm {@code jkasleep1}.
 */
class ProcessMatchTest {
    static final List<String> A = List.of("/tmp/jkap/jkasleep1", "1000");
    static final List<String> B = List.of("jkasleep1", "2000", "3");

    static TrackProcess block(String processAndParams, ParamMatch match, boolean full) {
        List<String> words = Arrays.asList(processAndParams.split(" "));
        ParamMatch m = match == ParamMatch.NONE && words.size() > 1 ? ParamMatch.EXACT : match; // as the binder
        return new TrackProcess("p", words.get(0), words.subList(1, words.size()), m, 0, false, 1, null, 0, 0, full,
                new Location("t", 1));
    }

    @ParameterizedTest(name = "{0} {1} full_command={2}: {3}")
    @CsvSource({
        "jkasleep1, NONE, false, 2",
        "/tmp/jkap/jkasleep1, NONE, true, 1",
        "jkasleep1 2000 3, NONE, false, 1",
        "/tmp/jkap/jkasleep1 1000, NONE, false, 1",
        "jkasleep1 20, INITIAL, false, 1",
        "jkasleep1 2000, PARTIAL, false, 1",
        "jkasleep1 2000, NONE, false, 0",
        "jkasleep1, EXACT, false, 0",
        "jkasleep1 1000, NONE, false, 0",
        "jkasleep1, NONE, true, 1",
        "jkasleep, NONE, false, 0",
    })
    void countsAsKeepalived(String process, ParamMatch match, boolean full, int count) {
        TrackProcess t = block(process, match, full);
        int n = (ProcessMatch.matches(t, "jkasleep1", A) ? 1 : 0) + (ProcessMatch.matches(t, "jkasleep1", B) ? 1 : 0);
        assertThat(n).isEqualTo(count);
    }

    @ParameterizedTest(name = "quorum {0} max {1} count {2}: {3}")
    @CsvSource({"1,,0,false", "1,,1,true", "1,,9,true", "2,3,1,false", "2,3,3,true", "2,3,4,false", "0,0,0,true",
        "0,0,1,false"})
    void quorum(int quorum, Integer max, int count, boolean up) {
        TrackProcess t = new TrackProcess("p", "x", List.of(), ParamMatch.NONE, 0, false, quorum, max, 0, 0, false,
                new Location("t", 1));
        assertThat(ProcessMatch.up(t, count)).isEqualTo(up);
    }
}
