package org.jkeepalived.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalsTest {
    /** The numbers keepalived 2.2.7 prints for --signum=NAME on Linux (checked on the installed one). */
    @ParameterizedTest
    @CsvSource({"RELOAD,1", "STOP,15", "DATA,10", "STATS,12", "STATS_CLEAR,63", "JSON,36", "reload,1"})
    void signumNumbersAreKeepalivedsOnLinux(String name, int number) {
        assertThat(Signals.number(name)).isEqualTo(OptionalInt.of(number));
    }

    @Test
    void unknownFunctionsHaveNoNumber() {
        assertThat(Signals.number("TDATA")).isEmpty();
        assertThat(Signals.number("FOO")).isEmpty();
    }
}
