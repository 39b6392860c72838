package org.jkeepalived.config.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.manage.ManageFixture.load;
import static org.jkeepalived.config.manage.ManageFixture.management;
import static org.jkeepalived.config.manage.ManageFixture.problems;

import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.manage.PrometheusConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The prometheus block: on at 127.0.0.1:9165 by default, its listen forms, the off form, and every refusal. */
class PrometheusBlockTest {
    private static final String VRRP = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    192.0.2.10
                }
            }
            """;

    @Test
    void absentBlockServesOnTheLoopback() {
        LoadResult r = load(VRRP);
        assertThat(management(r).prometheus()).isEqualTo(new PrometheusConfig(true, "127.0.0.1", 9165));
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void listenForms() {
        assertThat(management(load("prometheus {\n    listen 192.0.2.5:9100\n}\n" + VRRP)).prometheus())
                .isEqualTo(new PrometheusConfig(true, "192.0.2.5", 9100));
        assertThat(management(load("prometheus { listen [::1]:9166 }\n" + VRRP)).prometheus())
                .isEqualTo(new PrometheusConfig(true, "::1", 9166));
        assertThat(management(load("prometheus { listen 0.0.0.0:9165 }\n" + VRRP)).prometheus())
                .isEqualTo(new PrometheusConfig(true, "0.0.0.0", 9165));
        LoadResult local = load("prometheus { listen localhost:9165 }\n" + VRRP);
        assertThat(management(local).prometheus()).isEqualTo(new PrometheusConfig(true, "localhost", 9165));
        assertThat(local.diagnostics()).as("no warning for a network address: scraping is remote by design")
                .isEmpty();
    }

    @Test
    void anEmptyBlockKeepsTheDefault() {
        LoadResult r = load("prometheus {\n}\n" + VRRP);
        assertThat(management(r).prometheus()).isEqualTo(PrometheusConfig.defaults());
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void offTurnsItOffAndTheNextBlockStillParses() {
        LoadResult r = load("prometheus off\n" + VRRP);
        assertThat(management(r).prometheus().enabled()).isFalse();
        assertThat(r.config().vrrp().instances()).as("the off form does not swallow the next block").hasSize(1);
        assertThat(r.diagnostics()).isEmpty();
    }

    @Test
    void theLastBlockOrOffDecides() {
        assertThat(management(load("prometheus off\nprometheus { listen 127.0.0.1:9200 }\n" + VRRP)).prometheus())
                .isEqualTo(new PrometheusConfig(true, "127.0.0.1", 9200));
        assertThat(management(load("prometheus { listen 127.0.0.1:9200 }\nprometheus off\n" + VRRP)).prometheus()
                .enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", "example.com:9165", "::1:9165",
        "[127.0.0.1]:9165", "127.0.0.1:http"})
    void aBadListenIsReportedWithItsLineAndTheDefaultKept(String listen) {
        LoadResult r = load("\nprometheus {\n    listen " + listen + "\n}\n" + VRRP);
        assertThat(problems(r)).containsExactly("3: prometheus listen '" + listen
                + "' is invalid (HOST:PORT or [ADDR]:PORT, port 1-65535) - ignoring");
        assertThat(management(r).prometheus()).isEqualTo(PrometheusConfig.defaults());
    }

    @Test
    void theTwoWordFormOfTheBriefIsRefusedWithTheFormToUse() {
        LoadResult r = load("prometheus {\n    listen 127.0.0.1 9165\n}\n" + VRRP);
        assertThat(problems(r)).containsExactlyInAnyOrder(
                "2: prometheus listen '127.0.0.1' is invalid (HOST:PORT or [ADDR]:PORT, port 1-65535) - ignoring",
                "2: prometheus: unknown option '9165' (expected listen) - ignoring the rest of the line");
        assertThat(management(r).prometheus()).isEqualTo(PrometheusConfig.defaults());
    }

    @Test
    void unknownOptionsAndWordsAreReported() {
        LoadResult r = load("prometheus {\n    listen 127.0.0.1:9200\n    path /m\n}\n" + VRRP);
        assertThat(problems(r)).containsExactly("3: Unknown keyword 'path'"); // the grammar's word, as in jolokia
        LoadResult oneLine = load("prometheus { listen 127.0.0.1:9200 path /m }\n" + VRRP);
        assertThat(problems(oneLine)).containsExactly(
                "1: prometheus: unknown option 'path' (expected listen) - ignoring the rest of the line");
        assertThat(management(r).prometheus()).isEqualTo(new PrometheusConfig(true, "127.0.0.1", 9200));
        LoadResult words = load("prometheus on\n" + VRRP);
        assertThat(problems(words)).containsExactly(
                "1: prometheus: unexpected 'on' (only 'prometheus off' or a block) - ignoring the words");
        LoadResult noValue = load("prometheus {\n    listen\n}\n" + VRRP);
        assertThat(problems(noValue)).containsExactly("2: prometheus listen needs a value - ignoring");
    }
}
