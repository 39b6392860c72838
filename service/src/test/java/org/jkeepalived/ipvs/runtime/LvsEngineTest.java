package org.jkeepalived.ipvs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jkeepalived.check.CheckerStateChanged;
import org.jkeepalived.config.ConfigFixture;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.event.Event;
import org.jkeepalived.ipvs.kernel.FakeIpvsKernel;
import org.jkeepalived.ipvs.kernel.IpvsDestination;
import org.jkeepalived.ipvs.kernel.IpvsDestinationEntry;
import org.jkeepalived.ipvs.kernel.IpvsException;
import org.jkeepalived.ipvs.kernel.IpvsForwarding;
import org.jkeepalived.ipvs.kernel.IpvsProtocol;
import org.jkeepalived.ipvs.kernel.IpvsService;
import org.jkeepalived.ipvs.kernel.IpvsServiceEntry;
import org.jkeepalived.ipvs.kernel.IpvsServiceKey;
import org.jkeepalived.ipvs.sync.VirtualServers;
import org.jkeepalived.ipvs.sync.VirtualServers.RealServerId;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.Test;

/** The LVS runtime on its loop (run inline), against the fake kernel and recorded checkers. */
class LvsEngineTest {
    private final FakeIpvsKernel kernel = new FakeIpvsKernel();
    private final List<Event> events = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();
    private final RecordingCheckers checkers = new RecordingCheckers();
    private Consumer<CheckerStateChanged<RealServerId>> results;

    private static final String TWO_SERVERS = """
            virtual_server 10.0.0.1 80 {
              lb_algo wrr
              lb_kind NAT
              protocol TCP
              quorum 3
              quorum_up "/bin/true up"
              quorum_down "/bin/true down"
              sorry_server 10.0.9.9 80
              real_server 10.0.1.1 80 {
                weight 2
                notify_down "/bin/true rs-down"
                TCP_CHECK {
                  connect_timeout 1
                }
              }
              real_server 10.0.1.2 8080 {
                weight 1
                TCP_CHECK {
                  connect_timeout 1
                }
              }
            }
            """;

    private LvsEngine engine(FakeIpvsKernel k) {
        return new LvsEngine(k, Runnable::run, sink -> {
            results = sink;
            return checkers;
        }, events::add, Log.to((level, detail, message) -> logLines.add(message)));
    }

    private static KeepalivedConfig config(String text) {
        LoadResult r = ConfigFixture.load(text);
        assertThat(r.config().lvs().virtualServers()).as(ConfigFixture.messages(r)).isNotEmpty();
        return r.config();
    }

    private static IpvsServiceKey tcp(String address, int port) throws Exception {
        return IpvsServiceKey.of(IpvsProtocol.TCP, InetAddress.getByName(address), port);
    }

    private List<String> table() throws IpvsException {
        List<String> out = new ArrayList<>();
        for (IpvsServiceEntry s : kernel.services()) {
            IpvsService svc = s.service();
            out.add(svc.key() + " " + svc.scheduler());
            for (IpvsDestinationEntry d : kernel.destinations(svc.key())) {
                IpvsDestination dest = d.destination();
                out.add("  -> " + dest.address().getHostAddress() + ":" + dest.port() + " " + dest.forwarding() + " "
                        + dest.weight());
            }
        }
        return out;
    }

    private void result(KeepalivedConfig c, String rsAddress, boolean up, Integer weight) throws Exception {
        var vs = c.lvs().virtualServers().get(0);
        RealServer rs = vs.realServers().stream()
                .filter(r -> r.address().equals(InetAddressOf(rsAddress))).findFirst().orElseThrow();
        RealServerId id = RealServerId.of(VirtualServers.Id.of(vs), rs);
        results.accept(new CheckerStateChanged<>(id, 0, "TCP_CHECK", up, up ? "" : "connection refused", up, true,
                weight));
    }

    private static InetAddress InetAddressOf(String a) {
        try {
            return InetAddress.getByName(a);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void startProgramsTheServicesAndStartsTheCheckers() throws Exception {
        KeepalivedConfig c = config(TWO_SERVERS);
        engine(kernel).start(c);
        assertThat(table()).containsExactly("TCP  10.0.0.1:80 wrr", "  -> 10.0.1.1:80 MASQ 2",
                "  -> 10.0.1.2:8080 MASQ 1");
        assertThat(kernel.changes()).isEqualTo(3);
        assertThat(checkers.added).hasSize(2);
        // keepalived starts without quorum and announces gaining it (observed)
        assertThat(events).singleElement().isInstanceOfSatisfying(Event.QuorumChanged.class,
                q -> assertThat(q.message()).isEqualTo("Starting with quorum up 3+0=3 <= 3 for VS [10.0.0.1]:tcp:80"));
        assertThat(logLines).contains("Gained quorum 3+0=3 <= 3 for VS [10.0.0.1]:tcp:80");
        assertThat(logLines).contains("Activating healthchecker for service [10.0.1.1]:tcp:80 for VS [10.0.0.1]:tcp:80");
    }

    @Test
    void aFailingServerLeavesThePoolThenQuorumIsLostAndTheSorryServerComesIn() throws Exception {
        KeepalivedConfig c = config(TWO_SERVERS);
        engine(kernel).start(c);
        events.clear();
        result(c, "10.0.1.1", false, null);
        assertThat(table()).containsExactly("TCP  10.0.0.1:80 wrr", "  -> 10.0.9.9:80 MASQ 1");
        assertThat(events).hasSize(2);
        var rs = (Event.RealServerChanged) events.get(0);
        assertThat(rs.realServer()).isEqualTo("[10.0.1.1]:tcp:80");
        assertThat(rs.virtualServer()).isEqualTo("[10.0.0.1]:tcp:80");
        assertThat(rs.up()).isFalse();
        assertThat(rs.script().toString()).contains("rs-down");
        var q = (Event.QuorumChanged) events.get(1);
        assertThat(q.up()).isFalse();
        assertThat(q.message()).isEqualTo("Lost quorum 3-0=3 > 1 for VS [10.0.0.1]:tcp:80");
        assertThat(logLines).containsSubsequence("Removing service [10.0.1.1]:tcp:80 from VS [10.0.0.1]:tcp:80",
                "Lost quorum 3-0=3 > 1 for VS [10.0.0.1]:tcp:80",
                "Adding sorry server [10.0.9.9]:tcp:80 to VS [10.0.0.1]:tcp:80",
                "Removing alive servers from the pool for VS [10.0.0.1]:tcp:80");

        result(c, "10.0.1.1", true, null);
        assertThat(table()).containsExactly("TCP  10.0.0.1:80 wrr", "  -> 10.0.1.1:80 MASQ 2",
                "  -> 10.0.1.2:8080 MASQ 1");
        assertThat(((Event.QuorumChanged) events.get(3)).up()).isTrue();
        assertThat(logLines).endsWith("Gained quorum 3+0=3 <= 3 for VS [10.0.0.1]:tcp:80",
                "Removing sorry server [10.0.9.9]:tcp:80 from VS [10.0.0.1]:tcp:80",
                "Adding alive servers to the pool for VS [10.0.0.1]:tcp:80");
    }

    @Test
    void aManagementWeightSetReachesIpvsAtOnceAndMovesTheQuorum() throws Exception {
        KeepalivedConfig c = config(TWO_SERVERS);
        LvsEngine e = engine(kernel);
        e.start(c);
        events.clear();
        assertThat(e.setWeight("[10.0.0.1]:tcp:80", "[10.0.1.2]:tcp:8080", 5)).isTrue();
        assertThat(table()).contains("  -> 10.0.1.2:8080 MASQ 5");
        assertThat(e.status().virtualServers().get(0).liveWeight()).isEqualTo(7);
        // down to 0: 2+0 < quorum 3, the sorry server comes in
        assertThat(e.setWeight("[10.0.0.1]:tcp:80", "[10.0.1.2]:tcp:8080", 0)).isTrue();
        assertThat(events).anySatisfy(ev -> assertThat(ev).isInstanceOfSatisfying(Event.QuorumChanged.class,
                q -> assertThat(q.up()).isFalse()));
        assertThat(e.setWeight("[10.0.0.1]:tcp:80", "[10.0.1.9]:tcp:80", 1)).isFalse();
        assertThat(e.setWeight("[10.0.0.2]:tcp:80", "[10.0.1.2]:tcp:8080", 1)).isFalse();
        var rs = e.status().virtualServers().get(0).realServers();
        assertThat(rs).extracting(LvsStatus.RealServerStatus::name)
                .containsExactly("[10.0.1.1]:tcp:80", "[10.0.1.2]:tcp:8080", "[10.0.9.9]:tcp:80");
        assertThat(rs.get(2).sorry()).isTrue();
    }

    @Test
    void inhibitOnFailureSetsWeightZeroInOneChange() throws Exception {
        KeepalivedConfig c = config("""
                virtual_server 10.0.0.1 80 {
                  protocol TCP
                  real_server 10.0.1.1 80 {
                    inhibit_on_failure
                    TCP_CHECK {
                    }
                  }
                  real_server 10.0.1.2 80 {
                  }
                }
                """);
        engine(kernel).start(c);
        int before = kernel.changes();
        result(c, "10.0.1.1", false, null);
        assertThat(kernel.changes() - before).isEqualTo(1);
        assertThat(table()).contains("  -> 10.0.1.1:80 MASQ 0");
    }

    @Test
    void existingRulesAreAdoptedInPlaceAndForeignOnesAreLeftAlone() throws Exception {
        IpvsServiceKey ours = tcp("10.0.0.1", 80);
        kernel.addService(IpvsService.of(ours, "rr"));
        kernel.addDestination(ours, IpvsDestination.of(InetAddressOf("10.0.1.1"), 80, IpvsForwarding.MASQ, 7));
        kernel.addDestination(ours, IpvsDestination.of(InetAddressOf("10.0.5.5"), 80, IpvsForwarding.MASQ, 1));
        IpvsServiceKey foreign = tcp("10.0.0.2", 443);
        kernel.addService(IpvsService.of(foreign, "wlc"));
        int before = kernel.changes();
        engine(kernel).start(config(TWO_SERVERS));
        // scheduler edited, weight corrected, one destination added: nothing deleted and re-added
        assertThat(kernel.changes() - before).isEqualTo(3);
        assertThat(table()).containsExactly("TCP  10.0.0.1:80 wrr", "  -> 10.0.1.1:80 MASQ 2",
                "  -> 10.0.5.5:80 MASQ 1", "  -> 10.0.1.2:8080 MASQ 1", "TCP  10.0.0.2:443 wlc");
    }

    @Test
    void lvsFlushEmptiesTheTableFirst() throws Exception {
        kernel.addService(IpvsService.of(tcp("10.0.0.2", 443), "wlc"));
        engine(kernel).start(config("global_defs {\n lvs_flush\n}\n" + TWO_SERVERS));
        assertThat(table()).doesNotContain("TCP  10.0.0.2:443 wlc").hasSize(3);
    }

    @Test
    void aSingleResultCostsOneChangeAtAThousandServices() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("virtual_server 10.1.").append(i / 250).append('.').append(i % 250 + 1).append(" 80 {\n")
                    .append(" protocol TCP\n real_server 10.2.0.1 80 {\n  TCP_CHECK {\n  }\n }\n")
                    .append(" real_server 10.2.0.2 80 {\n  TCP_CHECK {\n  }\n }\n}\n");
        }
        KeepalivedConfig c = config(text.toString());
        engine(kernel).start(c);
        assertThat(kernel.changes()).isEqualTo(3000);
        int changes = kernel.changes();
        int batches = kernel.batches();
        result(c, "10.2.0.1", false, null);
        assertThat(kernel.changes() - changes).isEqualTo(1);
        assertThat(kernel.batches() - batches).isEqualTo(1);
    }

    @Test
    void miscDynamicWeightUpdatesTheDestination() throws Exception {
        KeepalivedConfig c = config(TWO_SERVERS);
        engine(kernel).start(c);
        result(c, "10.0.1.2", true, 5);
        assertThat(table()).contains("  -> 10.0.1.2:8080 MASQ 5");
    }

    @Test
    void reloadChangesOnlyWhatChangedAndKeepsCheckState() throws Exception {
        KeepalivedConfig c = config(TWO_SERVERS + """
                virtual_server 10.0.0.3 80 {
                  protocol TCP
                  real_server 10.0.3.1 80 {
                  }
                }
                """);
        LvsEngine e = engine(kernel);
        e.start(c);
        result(c, "10.0.1.2", false, null); // down before the reload
        int changes = kernel.changes();
        events.clear();
        e.reload(c); // same config: nothing to do
        assertThat(kernel.changes()).isEqualTo(changes);
        assertThat(checkers.removed).isEmpty();
        assertThat(events).isEmpty();

        // 10.0.1.1 goes, 10.0.0.3 goes, 10.0.1.2 stays down (its checker changed: restarted down)
        KeepalivedConfig next = config("""
                virtual_server 10.0.0.1 80 {
                  lb_algo wrr
                  lb_kind NAT
                  protocol TCP
                  real_server 10.0.1.2 8080 {
                    weight 1
                    TCP_CHECK {
                      connect_timeout 2
                    }
                  }
                }
                """);
        e.reload(next);
        assertThat(table()).containsExactly("TCP  10.0.0.1:80 wrr");
        assertThat(checkers.removed).hasSize(2);
        assertThat(checkers.added.get(checkers.added.size() - 1)).isEqualTo("10.0.1.2:8080 false");
        result(next, "10.0.1.2", true, null);
        assertThat(table()).containsExactly("TCP  10.0.0.1:80 wrr", "  -> 10.0.1.2:8080 MASQ 1");
    }

    @Test
    void aVirtualServerAddedByAReloadGainsItsQuorumAsAtStart() throws Exception {
        LvsEngine e = engine(kernel);
        e.start(config("""
                virtual_server 10.0.0.3 80 {
                  protocol TCP
                  real_server 10.0.3.1 80 {
                  }
                }
                """));
        events.clear();
        e.reload(config(TWO_SERVERS));
        // not the sorry server: the quorum (3) is met by the two live servers
        assertThat(table()).containsExactly("TCP  10.0.0.1:80 wrr", "  -> 10.0.1.1:80 MASQ 2",
                "  -> 10.0.1.2:8080 MASQ 1");
        assertThat(events).singleElement().isInstanceOfSatisfying(Event.QuorumChanged.class,
                q -> assertThat(q.up()).isTrue());
    }

    @Test
    void stopRemovesOurServicesOnlyUnlessToldNotTo() throws Exception {
        IpvsServiceKey foreign = tcp("10.0.0.2", 443);
        kernel.addService(IpvsService.of(foreign, "wlc"));
        engine(kernel).start(config(TWO_SERVERS));
        LvsEngine e = engine(kernel);
        e.start(config(TWO_SERVERS));
        e.stop(true);
        assertThat(table()).containsExactly("TCP  10.0.0.2:443 wlc");
        assertThat(kernel.closed()).isTrue();

        FakeIpvsKernel other = new FakeIpvsKernel();
        LvsEngine kept = engine(other);
        kept.start(config(TWO_SERVERS));
        kept.stop(false);
        assertThat(other.services()).hasSize(1);
    }

    @Test
    void omegaAnnouncesLiveServersAndQuorumDownAtStop() throws Exception {
        LvsEngine e = engine(kernel);
        e.start(config(TWO_SERVERS.replace("quorum 3", "quorum 3\n  omega")));
        events.clear();
        e.stop(true);
        assertThat(events).extracting(Event::getClass).containsExactly(Event.RealServerChanged.class,
                Event.RealServerChanged.class, Event.QuorumChanged.class);
    }

    @Test
    void withoutIpvsTheCheckersStillDriveEvents() throws Exception {
        KeepalivedConfig c = config(TWO_SERVERS);
        LvsEngine e = engine(null);
        e.start(c);
        events.clear();
        result(c, "10.0.1.1", false, null);
        assertThat(events).hasSize(2);
        assertThat(e.status().ipvsAvailable()).isFalse();
        assertThat(e.status().virtualServers().get(0).quorumUp()).isFalse();
    }

    @Test
    void aRefusedServiceIsLoggedAndTheOthersAreApplied() throws Exception {
        // the kernel refuses thresholds the wrong way round (ERANGE): that destination only
        engine(kernel).start(config(TWO_SERVERS.replace("weight 2", "weight 2\n uthreshold 1\n lthreshold 5")));
        assertThat(table()).containsExactly("TCP  10.0.0.1:80 wrr", "  -> 10.0.1.2:8080 MASQ 1");
        assertThat(logLines).anyMatch(l -> l.startsWith("IPVS: cannot add destination 10.0.1.1:80 to TCP  10.0.0.1:80"));
    }

    @Test
    void groupsAndFwmarksBecomeOneServiceEach() throws Exception {
        engine(kernel).start(config("""
                virtual_server_group G {
                  10.0.0.1-3 80
                  fwmark 7
                }
                virtual_server group G {
                  lb_kind DR
                  protocol TCP
                  real_server 10.0.1.1 80 {
                  }
                }
                virtual_server fwmark 9 {
                  lb_algo sh
                  sh-port
                  real_server 10.0.2.1 0 {
                  }
                }
                """));
        assertThat(table()).containsExactly("TCP  10.0.0.1:80 wlc", "  -> 10.0.1.1:80 ROUTE 1",
                "TCP  10.0.0.2:80 wlc", "  -> 10.0.1.1:80 ROUTE 1", "TCP  10.0.0.3:80 wlc",
                "  -> 10.0.1.1:80 ROUTE 1", "FWM  7 wlc", "  -> 10.0.1.1:0 ROUTE 1", "FWM  9 sh",
                "  -> 10.0.2.1:0 MASQ 1");
        assertThat(kernel.services().get(4).service().flags() & IpvsService.SH_PORT).isNotZero();
    }

    @Test
    void fileChecksJudgeTheirTrackFilesValueAndSetTheDynamicWeight() throws Exception {
        KeepalivedConfig c = config("""
                track_file F {
                  file /tmp/jka-file-check
                }
                virtual_server 10.0.0.1 80 {
                  protocol TCP
                  real_server 10.0.1.1 80 {
                    weight 10
                    TCP_CHECK {
                    }
                    FILE_CHECK {
                      track_file F
                      weight 0
                    }
                  }
                  real_server 10.0.1.2 80 {
                    weight 10
                    FILE_CHECK {
                      track_file F
                      weight 2
                      dynamic
                    }
                  }
                }
                """);
        LvsEngine e = engine(kernel);
        e.start(c);
        assertThat(LvsEngine.fileCheckFiles(c)).containsExactly("F");
        e.onTracker(new org.jkeepalived.track.TrackerUpdate(org.jkeepalived.track.TrackerUpdate.Kind.FILE, "F",
                org.jkeepalived.track.TrackerUpdate.Status.UP, 3));
        e.onTracker(new org.jkeepalived.track.TrackerUpdate(org.jkeepalived.track.TrackerUpdate.Kind.FILE, "other",
                org.jkeepalived.track.TrackerUpdate.Status.UP, 3));
        // weight 0: a non-zero value fails; dynamic: 10 + 3 x 2
        assertThat(checkers.reported).containsExactly("10.0.1.1:80 #1 false null", "10.0.1.2:80 #0 true 16");
    }

    @Test
    void haSuspendHoldsTheCheckersWhileTheVirtualAddressIsNotOnTheHost() throws Exception {
        KeepalivedConfig c = config(TWO_SERVERS.replace("quorum 3", "quorum 3\n  ha_suspend"));
        LvsEngine e = engine(kernel);
        e.start(c);
        e.onLocalAddresses(java.util.Set.of(InetAddressOf("127.0.0.1")));
        assertThat(checkers.suspended).containsExactly("10.0.1.1:80 true", "10.0.1.2:8080 true");
        e.onLocalAddresses(java.util.Set.of(InetAddressOf("127.0.0.1"))); // no change: nothing
        assertThat(checkers.suspended).hasSize(2);
        e.onLocalAddresses(java.util.Set.of(InetAddressOf("10.0.0.1")));
        assertThat(checkers.suspended).endsWith("10.0.1.1:80 false", "10.0.1.2:8080 false");
        assertThat(logLines).contains("Resuming healthcheckers of VS [10.0.0.1]:tcp:80: its address is up");
        e.onLocalAddresses(java.util.Set.of());
        e.reload(config(TWO_SERVERS)); // ha_suspend gone: resumed
        assertThat(checkers.suspended).endsWith("10.0.1.1:80 false", "10.0.1.2:8080 false");
    }

    /** Records what the engine asked of the checkers. */
    private static final class RecordingCheckers implements HealthCheckers {
        final List<String> added = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final List<String> reported = new ArrayList<>();
        final List<String> suspended = new ArrayList<>();

        @Override
        public void add(RealServerId id, RealServer rs, Boolean initiallyUp) {
            added.add(id.address().getHostAddress() + ":" + id.port() + " " + initiallyUp);
        }

        @Override
        public void report(RealServerId id, int index, boolean up, String reason, Integer weight) {
            reported.add(id.address().getHostAddress() + ":" + id.port() + " #" + index + " " + up + " " + weight);
        }

        @Override
        public void suspend(RealServerId id, boolean suspended) {
            this.suspended.add(id.address().getHostAddress() + ":" + id.port() + " " + suspended);
        }

        @Override
        public void remove(RealServerId id) {
            removed.add(id.address().getHostAddress() + ":" + id.port());
        }

        @Override
        public void close() {
        }
    }
}
