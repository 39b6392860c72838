package org.jkeepalived.config.global;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.config.global.GlobalFixture.global;
import static org.jkeepalived.config.global.GlobalFixture.load;
import static org.jkeepalived.config.global.GlobalFixture.problems;

import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.global.GlobalDefs.LvsGlobals;
import org.jkeepalived.config.model.global.GlobalDefs.LvsSyncDaemon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** lvs_sync_daemon, lvs_timeouts, lvs_flush, lvs_flush_on_stop as keepalived 2.2.7 reads them. */
class LvsGlobalsTest {

    private static LvsGlobals lvs(String body) {
        LoadResult r = load(body);
        assertThat(problems(r)).as(body).isEmpty();
        return global(r).lvs();
    }

    @Test
    void syncDaemonWithEveryOption() {
        LvsSyncDaemon s = lvs("lvs_sync_daemon eth1 inst VI_1 id 5 maxlen 100 port 99 ttl 2 group ff02::1")
                .syncDaemon();
        assertThat(s).isEqualTo(new LvsSyncDaemon("eth1", "VI_1", 5, 100, 99, 2, "ff02:0:0:0:0:0:0:1"));
    }

    @Test
    void syncDaemonDefaults() {
        // without an instance both daemons run with sync id 0; with one, the id is its VRID (-1 here)
        assertThat(lvs("lvs_sync_daemon eth1").syncDaemon())
                .isEqualTo(new LvsSyncDaemon("eth1", null, 0, null, 8848, null, "224.0.0.81"));
        assertThat(lvs("lvs_sync_daemon eth1 VI_1").syncDaemon().syncId()).isEqualTo(-1);
        assertThat(lvs("lvs_sync_daemon eth1 VI_1").syncDaemon().vrrpInstance()).isEqualTo("VI_1");
    }

    @Test
    void theOldPositionalSyncIdIsAcceptedWithAWarning() {
        LoadResult r = load("lvs_sync_daemon eth1 VI_1 5");
        assertThat(problems(r)).containsExactly("Please use keyword \"id\" before lvs_sync_daemon SYNCID");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(global(r).lvs().syncDaemon().syncId()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lvs_sync_daemon                    | lvs_sync_daemon requires interface",
        "lvs_sync_daemon eth1 id 256        | Invalid syncid (256) - defaulting to vrid",
        "lvs_sync_daemon eth1 id            | No value specified for lvs_sync_daemon id, defaulting to vrid",
        "lvs_sync_daemon eth1 maxlen 65508  | Invalid lvs_sync_daemon maxlen (65508) - ignoring",
        "lvs_sync_daemon eth1 maxlen        | No value specified for lvs_sync_daemon maxlen - ignoring",
        "lvs_sync_daemon eth1 port 0        | Invalid lvs_sync_daemon port (0) - ignoring",
        "lvs_sync_daemon eth1 ttl 256       | Invalid lvs_sync_daemon ttl (256) - ignoring",
        "lvs_sync_daemon eth1 group 10.0.0.1 | lvs_sync_daemon group address 10.0.0.1 is not multicast - ignoring",
        "lvs_sync_daemon eth1 group x       | Invalid lvs_sync_daemon group (x) - ignoring",
        "lvs_sync_daemon eth1 id 3 VI_1     | Unknown option VI_1 specified for lvs_sync_daemon",
        "lvs_sync_daemon eth1 foo bar       | Invalid syncid (bar) - defaulting to vrid",
        "lvs_timeouts                       | lvs_timeouts requires at least one option",
        "lvs_timeouts tcp                   | lvs_timeouts requires at least one option",
        "lvs_timeouts tcp x                 | Invalid lvs_timeout tcp (x) - ignoring",
        "lvs_timeouts tcp 2678401           | Invalid lvs_timeout tcp (2678401) - ignoring",
        "lvs_timeouts foo 10                | Unknown option foo specified for lvs_timeouts",
        "lvs_timeouts udp 10 tcp            | No value specified for lvs_timeout tcp - ignoring",
        "lvs_flush_on_stop vs               | Unknown lvs_flush_on_stop type vs",
        "lvs_flush_on_stop on               | Unknown lvs_flush_on_stop type on",
    })
    void keepalivedReportsTheseAndRunsAnyway(String line, String message) {
        LoadResult r = load(line);
        assertThat(problems(r)).contains(message);
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void aSecondSyncDaemonIsIgnored() {
        LoadResult r = load("lvs_sync_daemon eth1\nlvs_sync_daemon eth2");
        assertThat(problems(r)).containsExactly("lvs_sync_daemon has already been specified as eth1  - ignoring");
        assertThat(global(r).lvs().syncDaemon().interfaceName()).isEqualTo("eth1");
    }

    @Test
    void timeoutsFlushAndFlushOnStop() {
        LvsGlobals l = lvs("lvs_timeouts tcp 10 tcp 20 udp 30\nlvs_timeouts tcpfin 5\nlvs_flush off\n"
                + "lvs_flush_onstop VS extra");
        assertThat(l.timeoutTcp()).isEqualTo(20);
        assertThat(l.timeoutTcpFin()).isEqualTo(5);
        assertThat(l.timeoutUdp()).isEqualTo(30);
        assertThat(l.flush()).isTrue(); // a flag: "off" is ignored, as keepalived does
        assertThat(l.flushOnStop()).isEqualTo("VS");
        assertThat(lvs("lvs_flush_on_stop").flushOnStop()).isEqualTo("full");
        assertThat(lvs("lvs_timeouts tcp 2678400").timeoutTcp()).isEqualTo(2_678_400);
    }
}
