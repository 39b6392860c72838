package org.jkeepalived.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelJsonTest {
    enum Kind { A }

    record Inner(InetAddress addr, Kind kind) {
    }

    record Outer(String name, int n, Long missing, List<Inner> inner, Map<String, Boolean> flags, List<String> none) {
    }

    @Test
    void writesRecordsListsMapsEnumsAndAddresses() throws Exception {
        String json = ModelJson.write(new Outer("a\"b\n", 3, null,
                List.of(new Inner(InetAddress.getByName("10.0.0.1"), Kind.A)), Map.of("x", true), List.of()));
        assertThat(json).isEqualTo("""
                {
                  "name": "a\\"b\\n",
                  "n": 3,
                  "missing": null,
                  "inner": [
                    {
                      "addr": "10.0.0.1",
                      "kind": "A"
                    }
                  ],
                  "flags": {
                    "x": true
                  },
                  "none": []
                }
                """);
    }
}
