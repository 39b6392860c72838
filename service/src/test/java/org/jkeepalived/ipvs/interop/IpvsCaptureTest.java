package org.jkeepalived.ipvs.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpvsCaptureTest {
    /** A raw guest capture as harness.sh writes it (ipvsadm output of keepalived 2.2.7 in the VM). */
    static final String RAW = """
            #S
            -A -t 127.0.0.1:8003 -s rr
            -a -t 127.0.0.1:8003 -r 127.0.0.9:9997 -m -w 0
            -a -t 127.0.0.1:8003 -r 127.0.0.2:8081 -m -w 5
            -A -t 127.0.0.1:8001 -s rr
            -a -t 127.0.0.1:8001 -r 127.0.0.9:9999 -m -w 1
            -A -f 2 -6 -s rr
            -a -f 2 -6 -r [fd00::1:1]:0 -g -w 1
            #L
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
            TCP  127.0.0.1:8003 rr
              -> 127.0.0.9:9997               Masq    0      0          0        \s
              -> 127.0.0.2:8081               Masq    5      3          1        \s
            TCP  127.0.0.1:8001 sh (sh-fallback,sh-port)
              -> 127.0.0.9:9999               Masq    1      0          0        \s
            FWM  2 IPv6 rr
              -> [fd00::1:1]:0                Route   1      0          0        \s
            #H
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn
              -> RemoteAddress:Port
            TCP  127.0.0.1:8003 rr
              -> 127.0.0.9:9997               0          0          0          0        \s
              -> 127.0.0.2:8081               100        10         3          1        \s
            #T
            Timeout (tcp tcpfin udp): 901 31 61
            #D
            #N
            up-8002
            down-8002
            """;

    @Test
    void canonicalSortsTheTablesAndDropsTheCounters() {
        assertThat(IpvsCapture.canonical(RAW)).isEqualTo("""
                ipvsadm -Sn (sorted):
                  -A -f 2 -6 -s rr
                  -A -t 127.0.0.1:8001 -s rr
                  -A -t 127.0.0.1:8003 -s rr
                  -a -f 2 -6 -r [fd00::1:1]:0 -g -w 1
                  -a -t 127.0.0.1:8001 -r 127.0.0.9:9999 -m -w 1
                  -a -t 127.0.0.1:8003 -r 127.0.0.2:8081 -m -w 5
                  -a -t 127.0.0.1:8003 -r 127.0.0.9:9997 -m -w 0
                ipvsadm -Ln (sorted, counters dropped):
                  FWM 2 IPv6 rr
                  FWM 2 IPv6 rr -> [fd00::1:1]:0 Route 1
                  TCP 127.0.0.1:8001 sh (sh-fallback,sh-port)
                  TCP 127.0.0.1:8001 sh (sh-fallback,sh-port) -> 127.0.0.9:9999 Masq 1
                  TCP 127.0.0.1:8003 rr
                  TCP 127.0.0.1:8003 rr -> 127.0.0.2:8081 Masq 5
                  TCP 127.0.0.1:8003 rr -> 127.0.0.9:9997 Masq 0
                ipvsadm -Ln --thresholds (sorted, counters dropped):
                  TCP 127.0.0.1:8003 rr
                  TCP 127.0.0.1:8003 rr -> 127.0.0.2:8081 100 10
                  TCP 127.0.0.1:8003 rr -> 127.0.0.9:9997 0 0
                ipvsadm -L --timeout:
                  Timeout (tcp tcpfin udp): 901 31 61
                ipvsadm -L --daemon:
                quorum scripts (sorted):
                  down-8002
                  up-8002
                """);
    }

    @Test
    void destinationsInAnotherOrderAndOtherCountersGiveTheSameCapture() {
        String reordered = RAW.replace("""
                  -> 127.0.0.9:9997               Masq    0      0          0        \s
                  -> 127.0.0.2:8081               Masq    5      3          1        \s
                """, """
                  -> 127.0.0.2:8081               Masq    5      0          0        \s
                  -> 127.0.0.9:9997               Masq    0      7          2        \s
                """);
        assertThat(reordered).isNotEqualTo(RAW);
        assertThat(IpvsCapture.canonical(reordered)).isEqualTo(IpvsCapture.canonical(RAW));
    }

    @Test
    void aWeightChangeChangesTheCapture() {
        assertThat(IpvsCapture.canonical(RAW.replace("-r 127.0.0.2:8081 -m -w 5", "-r 127.0.0.2:8081 -m -w 4")))
                .isNotEqualTo(IpvsCapture.canonical(RAW));
    }

    @Test
    void thePollKeyIsTheSortedSaveTheTimeoutsAndTheNotifyLines() {
        assertThat(IpvsCapture.pollKey(IpvsCapture.canonical(RAW))).isEqualTo("""
                -A -f 2 -6 -s rr
                -A -t 127.0.0.1:8001 -s rr
                -A -t 127.0.0.1:8003 -s rr
                -a -f 2 -6 -r [fd00::1:1]:0 -g -w 1
                -a -t 127.0.0.1:8001 -r 127.0.0.9:9999 -m -w 1
                -a -t 127.0.0.1:8003 -r 127.0.0.2:8081 -m -w 5
                -a -t 127.0.0.1:8003 -r 127.0.0.9:9997 -m -w 0
                Timeout (tcp tcpfin udp): 901 31 61
                down-8002
                up-8002""");
    }

    @Test
    void anEmptyTableStillHasItsSections() {
        String canonical = IpvsCapture.canonical("#S\n#L\nIP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
                + "#T\nTimeout (tcp tcpfin udp): 900 120 300\n#D\n#N\n");
        assertThat(IpvsCapture.canonicalSections(canonical)).containsOnlyKeys(IpvsCapture.SAVE, IpvsCapture.LIST, IpvsCapture.THRESHOLDS,
                IpvsCapture.TIMEOUT, IpvsCapture.DAEMON, IpvsCapture.NOTIFY);
        assertThat(IpvsCapture.pollKey(canonical)).isEqualTo("Timeout (tcp tcpfin udp): 900 120 300");
    }

    @Test
    void goldenFilesRoundTrip() {
        Map<String, String> captures = new LinkedHashMap<>();
        captures.put("running", IpvsCapture.canonical(RAW));
        captures.put("stopped", IpvsCapture.canonical("#S\n#L\n#T\nTimeout (tcp tcpfin udp): 900 120 300\n#D\n#N\n"));
        String golden = IpvsCapture.golden(captures);
        assertThat(golden).startsWith("=== capture running\nipvsadm -Sn (sorted):\n");
        assertThat(IpvsCapture.parseGolden(golden)).containsExactlyEntriesOf(captures);
    }
}
