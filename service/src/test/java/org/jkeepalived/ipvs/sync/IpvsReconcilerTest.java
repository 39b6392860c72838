package org.jkeepalived.ipvs.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.jkeepalived.ipvs.kernel.IpvsChange;
import org.jkeepalived.ipvs.kernel.IpvsDestination;
import org.jkeepalived.ipvs.kernel.IpvsForwarding;
import org.jkeepalived.ipvs.kernel.IpvsProtocol;
import org.jkeepalived.ipvs.kernel.IpvsService;
import org.jkeepalived.ipvs.kernel.IpvsServiceKey;
import org.jkeepalived.ipvs.sync.IpvsReconciler.DestinationKey;
import org.jkeepalived.ipvs.sync.IpvsReconciler.Held;
import org.jkeepalived.ipvs.sync.IpvsReconciler.Want;
import org.junit.jupiter.api.Test;

class IpvsReconcilerTest {
    private static final IpvsServiceKey KEY = IpvsServiceKey.of(IpvsProtocol.TCP, ip("10.0.0.1"), 80);
    private static final IpvsService WRR = IpvsService.of(KEY, "wrr");
    private static final IpvsDestination A = IpvsDestination.of(ip("10.0.1.1"), 80, IpvsForwarding.MASQ, 2);
    private static final IpvsDestination B = IpvsDestination.of(ip("10.0.1.2"), 80, IpvsForwarding.MASQ, 1);
    private static final IpvsDestination FOREIGN = IpvsDestination.of(ip("10.0.9.9"), 80, IpvsForwarding.MASQ, 1);
    private static final Set<DestinationKey> OWNED = Set.of(DestinationKey.of(A), DestinationKey.of(B));

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> describe(List<IpvsChange> changes) {
        return changes.stream().map(IpvsChange::describe).toList();
    }

    @Test
    void aMissingServiceIsAddedWithItsDestinations() {
        assertThat(describe(IpvsReconciler.changes(new Want(WRR, List.of(A, B), OWNED), null))).containsExactly(
                "add service TCP  10.0.0.1:80", "add destination 10.0.1.1:80 to TCP  10.0.0.1:80",
                "add destination 10.0.1.2:80 to TCP  10.0.0.1:80");
    }

    @Test
    void agreementCostsNothingAndTheKernelsHashedFlagDoesNotCount() {
        Held held = new Held(WRR.withFlags(IpvsService.HASHED), List.of(B, A));
        assertThat(IpvsReconciler.changes(new Want(WRR, List.of(A, B), OWNED), held)).isEmpty();
    }

    @Test
    void differencesAreEditedInPlaceDeletionsFirstAdditionsLast() {
        Held held = new Held(IpvsService.of(KEY, "rr"), List.of(A.withWeight(7), B, FOREIGN));
        IpvsDestination c = IpvsDestination.of(ip("10.0.1.3"), 80, IpvsForwarding.MASQ, 1);
        Set<DestinationKey> owned = Set.of(DestinationKey.of(A), DestinationKey.of(B), DestinationKey.of(c));
        assertThat(describe(IpvsReconciler.changes(new Want(WRR, List.of(c, A), owned), held))).containsExactly(
                "update service TCP  10.0.0.1:80", "delete destination 10.0.1.2:80 from TCP  10.0.0.1:80",
                "update destination 10.0.1.1:80 of TCP  10.0.0.1:80", "add destination 10.0.1.3:80 to TCP  10.0.0.1:80");
    }

    @Test
    void foreignDestinationsSurviveAndAreRemembered() {
        Held held = new Held(WRR, List.of(A, FOREIGN));
        Want want = new Want(WRR, List.of(A), OWNED);
        assertThat(IpvsReconciler.changes(want, held)).isEmpty();
        assertThat(Held.after(want, held).destinations()).containsExactly(FOREIGN, A);
    }

    @Test
    void tunnelSettingsCountOnlyForTunnels() {
        IpvsDestination tun = IpvsDestination.of(ip("10.0.1.1"), 80, IpvsForwarding.TUNNEL, 1);
        assertThat(IpvsReconciler.sameDestination(tun, tun.withTunnel(IpvsDestination.TunnelType.GUE, 6080, 1)))
                .isFalse();
        IpvsDestination masq = A.withTunnel(IpvsDestination.TunnelType.GRE, 0, 0);
        assertThat(IpvsReconciler.sameDestination(A, masq)).isTrue();
        assertThat(IpvsReconciler.sameDestination(A, A.withThresholds(10, 1))).isFalse();
    }

    @Test
    void persistenceSchedulerAndEngineAreCompared() {
        assertThat(IpvsReconciler.sameService(WRR, WRR.withPersistence(300, 24))).isFalse();
        assertThat(IpvsReconciler.sameService(WRR, WRR.withPersistenceEngine("sip"))).isFalse();
        assertThat(IpvsReconciler.sameService(WRR, WRR.withScheduler("rr"))).isFalse();
        assertThat(IpvsReconciler.sameService(WRR, WRR.withFlags(IpvsService.ONE_PACKET))).isFalse();
    }
}
