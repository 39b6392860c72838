package org.jkeepalived.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.os.process.ScriptRunner.Outcome;
import org.jkeepalived.os.process.ScriptRunner.ScriptResult;
import org.jkeepalived.track.TrackerUpdate.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** keepalived 2.2.7's rise/fall counter and log lines, row by row (results: exit status, or T = timed out). */
class ScriptResultCounterTest {

    @ParameterizedTest(name = "rise {0} fall {1} init_fail {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        // rise|fall|init_fail|results|status before, then after each|log lines
        "1|1|false|0|I U|VRRP_Script(chk) succeeded",
        "1|1|false|1 0 1|I D U D|Script `chk` now returning 1; VRRP_Script(chk) failed (exited with status 1);"
                + " Script `chk` now returning 0; VRRP_Script(chk) succeeded; Script `chk` now returning 1;"
                + " VRRP_Script(chk) failed (exited with status 1)",
        // the lead's keepalived trace (/tmp/kx, rise 3 fall 3): one success leaves init, three failures fail
        "3|3|false|0 1 0 1 1 0 1 1 1 0 0 0|I U U U U U U U U D D D U|VRRP_Script(chk) succeeded;"
                + " Script `chk` now returning 1; Script `chk` now returning 0; Script `chk` now returning 1;"
                + " Script `chk` now returning 0; Script `chk` now returning 1;"
                + " VRRP_Script(chk) failed (exited with status 1); Script `chk` now returning 0;"
                + " VRRP_Script(chk) succeeded",
        "2|2|true|0 0 1 1 0|D D U U D D|VRRP_Script(chk) succeeded; Script `chk` now returning 1;"
                + " VRRP_Script(chk) failed (exited with status 1); Script `chk` now returning 0",
        "2|2|false|1|I D|Script `chk` now returning 1; VRRP_Script(chk) failed (exited with status 1)",
        // a failure below rise while already failed is silent; so is a second timeout
        "1|2|false|0 T T T 0|I U U D D U|VRRP_Script(chk) succeeded; VRRP_Script(chk) timed_out;"
                + " VRRP_Script(chk) succeeded",
        "1|1|false|T|I D|VRRP_Script(chk) timed_out",
        "3|1|true|0 1 0 0 0|D D D D D U|Script `chk` now returning 1; Script `chk` now returning 0;"
                + " VRRP_Script(chk) succeeded",
    })
    void countsAndLogsAsKeepalived(int rise, int fall, boolean initFail, String results, String statuses,
                                  String logs) {
        ScriptResultCounter c = new ScriptResultCounter("chk", rise, fall, initFail);
        List<String> seen = new ArrayList<>(List.of(letter(c.status())));
        List<String> lines = new ArrayList<>();
        for (String r : results.split(" ")) {
            ScriptResultCounter.Step step = c.record(r.equals("T")
                    ? new ScriptResult(Outcome.TIMED_OUT, -1, 0, null) : ScriptResult.exited(Integer.parseInt(r)));
            seen.add(letter(step.status()));
            lines.addAll(step.logLines());
            assertThat(c.count()).isBetween(0, rise + fall - 1);
        }
        assertThat(String.join(" ", seen)).isEqualTo(statuses);
        assertThat(String.join("; ", lines)).isEqualTo(logs);
    }

    private static String letter(Status s) {
        return s.name().substring(0, 1);
    }
}
