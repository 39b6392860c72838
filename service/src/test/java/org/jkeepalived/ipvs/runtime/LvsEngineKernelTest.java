package org.jkeepalived.ipvs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jkeepalived.check.CheckerStateChanged;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.event.Event;
import org.jkeepalived.ipvs.kernel.FakeIpvsKernel;
import org.jkeepalived.ipvs.kernel.IpvsChange;
import org.jkeepalived.ipvs.kernel.IpvsDestinationEntry;
import org.jkeepalived.ipvs.kernel.IpvsException;
import org.jkeepalived.ipvs.kernel.IpvsInfo;
import org.jkeepalived.ipvs.kernel.IpvsKernel;
import org.jkeepalived.ipvs.kernel.IpvsServiceEntry;
import org.jkeepalived.ipvs.kernel.IpvsServiceKey;
import org.jkeepalived.ipvs.kernel.IpvsSyncDaemon;
import org.jkeepalived.ipvs.kernel.IpvsTimeouts;
import org.jkeepalived.ipvs.kernel.LinuxIpvsKernel;
import org.jkeepalived.ipvs.sync.VirtualServers;
import org.jkeepalived.ipvs.sync.VirtualServers.RealServerId;
import org.jkeepalived.kernelvm.KernelVm;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The LVS runtime against a real IPVS (inside {@link KernelVm}), with {@code ipvsadm -Sn} as the oracle: each test
 * runs the same inputs through a twin engine on the fake kernel (what the daemon means to set up) and compares
 * ipvsadm's view with it after every step, plus fixed expectations so that a shared mistake cannot pass.
 */
@Tag(KernelVm.TAG)
class LvsEngineKernelTest {
    static final String EVERY_KIND = """
            global_defs {
              lvs_timeouts tcp 901 tcpfin 121 udp 301
            }
            virtual_server_group WEB {
              10.0.2.1-3 80
              fwmark 11
            }
            virtual_server 10.0.1.1 80 {
              lb_algo rr
              protocol TCP
              real_server 10.1.0.1 8080 {
                weight 3
              }
              real_server 10.1.0.2 8080 {
                weight 0
              }
            }
            virtual_server 10.0.1.2 80 {
              lb_algo wrr
              lb_kind DR
              protocol TCP
              persistence_timeout 300
              persistence_granularity 255.255.255.0
              real_server 10.1.0.3 80 {
              }
            }
            virtual_server 10.0.1.3 53 {
              lb_algo sh
              sh-port
              sh-fallback
              ops
              protocol UDP
              real_server 10.1.0.4 53 {
                lvs_method TUN type gue port 6080 csum
              }
              real_server 10.1.0.5 53 {
                lvs_method TUN type gre
              }
              real_server 10.1.0.6 53 {
                lvs_method TUN
              }
            }
            virtual_server 10.0.1.4 80 {
              lb_algo mh
              mh-port
              protocol SCTP
              real_server 10.1.0.7 80 {
              }
            }
            virtual_server 2001:db8::1 443 {
              lb_algo nq
              protocol TCP
              persistence_timeout 60
              real_server 2001:db8::2 443 {
                weight 4
              }
            }
            virtual_server fwmark 7 {
              lb_algo lblc
              lb_kind DR
              real_server 10.1.0.8 0 {
              }
            }
            virtual_server fwmark 8 {
              lb_algo lblcr
              lb_kind DR
              real_server 2001:db8::8 0 {
              }
            }
            virtual_server group WEB {
              lb_algo dh
              lb_kind DR
              protocol TCP
              real_server 10.1.0.9 80 {
              }
            }
            virtual_server 10.0.1.5 80 {
              lb_algo sed
              protocol TCP
              real_server 10.1.0.10 80 {
              }
            }
            virtual_server 10.0.1.6 80 {
              lb_algo fo
              protocol TCP
              real_server 10.1.0.11 80 {
              }
            }
            virtual_server 10.0.1.7 80 {
              lb_algo ovf
              protocol TCP
              real_server 10.1.0.12 80 {
                uthreshold 100
                lthreshold 10
              }
            }
            virtual_server 10.0.1.8 80 {
              lb_algo lc
              protocol TCP
              real_server 10.1.0.13 80 {
              }
            }
            virtual_server 10.0.1.9 80 {
              protocol TCP
              real_server 10.1.0.14 80 {
              }
            }
            virtual_server 10.0.1.11 5060 {
              protocol UDP
              persistence_timeout 60
              persistence_engine sip
              real_server 10.1.0.15 5060 {
              }
            }
            """;

    static final String QUORUM = """
            virtual_server 10.0.3.1 80 {
              lb_algo wrr
              protocol TCP
              quorum 4
              hysteresis 1
              sorry_server 10.3.9.9 80
              real_server 10.3.0.1 80 {
                weight 2
                TCP_CHECK {
                }
              }
              real_server 10.3.0.2 80 {
                weight 2
                inhibit_on_failure
                TCP_CHECK {
                }
              }
              real_server 10.3.0.3 80 {
                weight 1
                MISC_CHECK {
                  misc_path /bin/true
                  misc_dynamic
                }
              }
            }
            """;

    private final List<Event> events = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();

    @BeforeEach
    void emptyTable() throws Exception {
        KernelVm.assumeIpvs();
        ipvsadm("-C");
    }

    /** Runs the same inputs through an engine on the real kernel and one on the fake, and compares after each. */
    private final class Twin {
        final RecordingIpvsKernel real;
        final FakeIpvsKernel meant = new FakeIpvsKernel();
        final LvsEngine onReal;
        final LvsEngine onFake;
        final List<Consumer<CheckerStateChanged<RealServerId>>> sinks = new ArrayList<>();

        Twin() throws IpvsException {
            real = new RecordingIpvsKernel(LinuxIpvsKernel.open());
            onReal = engine(real);
            onFake = engine(meant);
        }

        private LvsEngine engine(IpvsKernel k) {
            return new LvsEngine(k, Runnable::run, sink -> {
                sinks.add(sink);
                return new NoCheckers();
            }, events::add, Log.to((level, detail, message) -> logLines.add(message)));
        }

        void start(KeepalivedConfig c) throws Exception {
            onReal.start(c);
            onFake.start(c);
            same();
        }

        void reload(KeepalivedConfig c) throws Exception {
            onReal.reload(c);
            onFake.reload(c);
            same();
        }

        void result(KeepalivedConfig c, String rs, boolean up, Integer weight) throws Exception {
            VirtualServer vs = c.lvs().virtualServers().get(0);
            RealServer server = vs.realServers().stream()
                    .filter(r -> r.address().getHostAddress().equals(rs)).findFirst().orElseThrow();
            var e = new CheckerStateChanged<>(RealServerId.of(VirtualServers.Id.of(vs), server), 0, "TCP_CHECK", up,
                    up ? "" : "refused", up, true, weight);
            sinks.forEach(s -> s.accept(e));
            same();
        }

        void same() throws Exception {
            List<String> oracle = IpvsadmTable.ofSave(ipvsadm("-Sn"));
            assertThat(oracle).as("ipvsadm -Sn against what the daemon meant (log: %s)", logLines)
                    .containsExactlyElementsOf(IpvsadmTable.of(meant));
            assertThat(IpvsadmTable.of(real)).as("our own dump against ipvsadm").containsExactlyElementsOf(oracle);
        }
    }

    @Test
    void everySchedulerFlagMethodAndServiceKindIsProgrammedAsMeant() throws Exception {
        Twin t = new Twin();
        t.start(config(EVERY_KIND));
        List<String> table = IpvsadmTable.ofSave(ipvsadm("-Sn"));
        assertThat(table).contains("TCP 10.0.1.1:80 rr", "TCP 10.0.1.1:80 -> 10.1.0.1:8080 masq w3",
                "TCP 10.0.1.1:80 -> 10.1.0.2:8080 masq w0", "TCP 10.0.1.2:80 wrr persistent 300 /24",
                "TCP 10.0.1.2:80 -> 10.1.0.3:80 route w1", "UDP 10.0.1.3:53 sh ops sched1 sched2",
                "UDP 10.0.1.3:53 -> 10.1.0.4:53 tunnel w1 gue:6080 csum",
                "UDP 10.0.1.3:53 -> 10.1.0.5:53 tunnel w1 gre nocsum", "UDP 10.0.1.3:53 -> 10.1.0.6:53 tunnel w1",
                "SCTP 10.0.1.4:80 mh sched2", "TCP [2001:db8::1]:443 nq persistent 60 /128",
                "TCP [2001:db8::1]:443 -> [2001:db8::2]:443 masq w4", "FWM 7 lblc", "FWM 7 -> 10.1.0.8:0 route w1",
                "FWM 8 IPv6 lblcr", "FWM 8 IPv6 -> [2001:db8::8]:0 route w1", "TCP 10.0.2.1:80 dh",
                "TCP 10.0.2.2:80 dh", "TCP 10.0.2.3:80 -> 10.1.0.9:80 route w1", "FWM 11 dh",
                "TCP 10.0.1.5:80 sed", "TCP 10.0.1.6:80 fo", "TCP 10.0.1.7:80 ovf", "TCP 10.0.1.8:80 lc",
                "TCP 10.0.1.9:80 wlc", "UDP 10.0.1.11:5060 wlc persistent 60 /32 pe sip");
        assertThat(ipvsadm("-Ln", "--thresholds")).containsPattern("10\\.1\\.0\\.12:80\\s+100\\s+10");
        assertThat(ipvsadm("-L", "--timeout")).contains("Timeout (tcp tcpfin udp): 901 121 301");
        t.onReal.stop(true);
        assertThat(ipvsadm("-Sn")).isEmpty();
    }

    @Test
    void checkerResultsMoveWeightsQuorumAndTheSorryServer() throws Exception {
        Twin t = new Twin();
        KeepalivedConfig c = config(QUORUM);
        t.start(c);
        t.result(c, "10.3.0.3", true, 4); // misc_dynamic: weight 4
        assertThat(IpvsadmTable.ofSave(ipvsadm("-Sn"))).contains("TCP 10.0.3.1:80 -> 10.3.0.3:80 masq w4");
        t.result(c, "10.3.0.2", false, null); // inhibit: weight 0, live 6 -> quorum kept
        assertThat(IpvsadmTable.ofSave(ipvsadm("-Sn"))).contains("TCP 10.0.3.1:80 -> 10.3.0.2:80 masq w0");
        t.result(c, "10.3.0.3", false, null); // live 2 < 4 - 1: quorum lost, the sorry server only
        assertThat(IpvsadmTable.ofSave(ipvsadm("-Sn"))).containsExactly("TCP 10.0.3.1:80 -> 10.3.9.9:80 masq w1",
                "TCP 10.0.3.1:80 wrr");
        // gained at start, then lost: once per twin
        assertThat(events).filteredOn(e -> e instanceof Event.QuorumChanged).hasSize(4);
        t.result(c, "10.3.0.2", true, null); // live 4 < 4 + 1: hysteresis holds the sorry server
        assertThat(IpvsadmTable.ofSave(ipvsadm("-Sn"))).containsExactly("TCP 10.0.3.1:80 -> 10.3.9.9:80 masq w1",
                "TCP 10.0.3.1:80 wrr");
        t.result(c, "10.3.0.3", true, null); // live 8 >= 5: quorum back, the sorry server out
        assertThat(IpvsadmTable.ofSave(ipvsadm("-Sn"))).containsExactly("TCP 10.0.3.1:80 -> 10.3.0.1:80 masq w2",
                "TCP 10.0.3.1:80 -> 10.3.0.2:80 masq w2", "TCP 10.0.3.1:80 -> 10.3.0.3:80 masq w4",
                "TCP 10.0.3.1:80 wrr");
        assertThat(events).filteredOn(e -> e instanceof Event.QuorumChanged).hasSize(6);
    }

    @Test
    void aReloadAppliesOnlyTheDifference() throws Exception {
        Twin t = new Twin();
        t.start(config(EVERY_KIND));
        int before = t.real.applied.size();
        t.reload(config(EVERY_KIND));
        assertThat(t.real.applied).hasSize(before); // the same configuration: nothing
        String edited = EVERY_KIND.replace("lb_algo rr", "lb_algo wrr")
                .replace("  real_server 10.1.0.2 8080 {\n    weight 0\n  }\n", "")
                .replace("virtual_server 10.0.1.9 80 {", "virtual_server 10.0.1.10 80 {");
        t.reload(config(edited));
        List<String> done = t.real.applied.subList(before, t.real.applied.size()).stream()
                .map(IpvsChange::describe).toList();
        assertThat(done).containsExactlyInAnyOrder("update service TCP  10.0.1.1:80",
                "delete destination 10.1.0.2:8080 from TCP  10.0.1.1:80", "delete service TCP  10.0.1.9:80",
                "add service TCP  10.0.1.10:80", "add destination 10.1.0.14:80 to TCP  10.0.1.10:80");
    }

    @Test
    void aRestartAdoptsTheRulesItFindsAndChangesOnlyWhatDiffers() throws Exception {
        Twin first = new Twin();
        first.start(config(EVERY_KIND));
        first.onReal.stop(false); // keepalived -I: the rules stay
        List<String> left = IpvsadmTable.ofSave(ipvsadm("-Sn"));
        // another tool's service, and two of ours edited behind our back
        ipvsadm("-A", "-t", "10.9.9.9:80", "-s", "rr");
        ipvsadm("-E", "-t", "10.0.1.5:80", "-s", "rr");
        ipvsadm("-e", "-t", "10.0.1.1:80", "-r", "10.1.0.1:8080", "-m", "-w", "9");
        ipvsadm("-a", "-t", "10.0.1.1:80", "-r", "10.1.0.99:80", "-m", "-w", "1");
        RecordingIpvsKernel again = new RecordingIpvsKernel(LinuxIpvsKernel.open());
        LvsEngine second = new LvsEngine(again, Runnable::run, sink -> new NoCheckers(), events::add,
                Log.to((level, detail, message) -> logLines.add(message)));
        second.start(config(EVERY_KIND));
        assertThat(again.applied.stream().map(IpvsChange::describe).toList()).containsExactlyInAnyOrder(
                "update service TCP  10.0.1.5:80", "update destination 10.1.0.1:8080 of TCP  10.0.1.1:80");
        List<String> now = IpvsadmTable.ofSave(ipvsadm("-Sn"));
        assertThat(now).containsAll(left).contains("TCP 10.9.9.9:80 rr", "TCP 10.0.1.1:80 -> 10.1.0.99:80 masq w1");
        second.stop(true);
        assertThat(IpvsadmTable.ofSave(ipvsadm("-Sn"))).containsExactly("TCP 10.9.9.9:80 rr");
    }

    @Test
    void theSyncDaemonFollowsItsVrrpInstanceAndStopsWithTheDaemon() throws Exception {
        run("ip", "link", "add", "jklvs0", "type", "dummy");
        run("ip", "link", "set", "jklvs0", "up");
        try {
            LvsEngine e = new LvsEngine(LinuxIpvsKernel.open(), Runnable::run, sink -> new NoCheckers(), events::add,
                    Log.to((level, detail, message) -> logLines.add(message)));
            e.start(config("""
                    global_defs {
                      lvs_sync_daemon jklvs0 VI_1 id 7
                    }
                    virtual_server 10.0.4.1 80 {
                      protocol TCP
                      real_server 10.4.0.1 80 {
                      }
                    }
                    """));
            assertThat(ipvsadm("-L", "--daemon")).contains("backup sync daemon (mcast=jklvs0, syncid=7,")
                    .doesNotContain("master");
            e.onVrrpState(new Event.VrrpStateChanged(new Event.Target(Event.TargetType.INSTANCE, "VI_1", null, false,
                    false), Event.NotifyState.MASTER, 100, "test"));
            assertThat(ipvsadm("-L", "--daemon")).contains("master sync daemon (mcast=jklvs0, syncid=7,")
                    .doesNotContain("backup");
            e.stop(true);
            assertThat(ipvsadm("-L", "--daemon")).isEmpty();
        } finally {
            run("ip", "link", "del", "jklvs0");
        }
    }

    private static void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", List.of(argv), out).isZero();
    }

    private static KeepalivedConfig config(String text) {
        LoadResult r = ConfigFixture.load(text);
        assertThat(r.config().lvs().virtualServers()).as(ConfigFixture.messages(r)).isNotEmpty();
        return r.config();
    }

    static String ipvsadm(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("ipvsadm"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("ipvsadm %s: %s", argv, out).isZero();
        return out;
    }

    /** Checkers are driven by hand here. */
    private static final class NoCheckers implements HealthCheckers {
        @Override
        public void add(RealServerId id, RealServer rs, Boolean initiallyUp) {
        }

        @Override
        public void report(RealServerId id, int index, boolean up, String reason, Integer weight) {
        }

        @Override
        public void suspend(RealServerId id, boolean suspended) {
        }

        @Override
        public void remove(RealServerId id) {
        }

        @Override
        public void close() {
        }
    }

    static InetAddress address(String a) throws Exception {
        return InetAddress.getByName(a);
    }
}
