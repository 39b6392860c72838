package org.jkeepalived.config.lvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.LoadResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** keepalived 2.2.7 stops reading (exit 2) when these LVS keywords have no parameter (observed). */
class LvsMissingParameterTest {
    private static final String RS = "real_server 10.1.2.1 80 {\n TCP_CHECK {\n connect_timeout 3\n }\n}\n";
    private static final String VS = "virtual_server 10.1.1.1 80 {\n lb_algo rr\n protocol TCP\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("virtual_server", "virtual_server {\n lb_algo rr\n protocol TCP\n" + RS + "}\n"),
                Arguments.of("real_server", VS + " real_server {\n }\n}\n"),
                Arguments.of("lvs_method", VS + " lvs_method\n" + RS + "}\n"),
                Arguments.of("sorry_server_lvs_method", VS + " sorry_server 10.1.9.9 80\n sorry_server_lvs_method\n"
                        + RS + "}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void missingParameterStopsTheRead(String keyword, String config) {
        LoadResult r = ConfigFixture.load(config);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(ConfigFixture.messages(r)).contains("*** Configuration line starting `" + keyword
                + "` is missing a parameter after keyword `" + keyword + "` at word position 2");
    }
}
