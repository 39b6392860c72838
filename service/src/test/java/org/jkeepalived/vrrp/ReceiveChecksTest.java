package org.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.Vrrp.SEC;
import static org.jkeepalived.vrrp.Vrrp.VIP;
import static org.jkeepalived.vrrp.Vrrp.addr;
import static org.jkeepalived.vrrp.Vrrp.rx;
import static org.jkeepalived.vrrp.Vrrp.settings;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jkeepalived.config.model.vrrp.UnicastPeer;
import org.jkeepalived.vrrp.packet.DropReason;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.junit.jupiter.api.Test;

/** Tier 2: the instance-dependent receive checks, each a named drop with one counter. */
class ReceiveChecksTest {
    static final long DOWN_100 = VirtualRouterTest.DOWN_100;

    static VrrpAdvert v2(int priority, int intervalCentis, int authType, byte[] auth, List<java.net.InetAddress> a) {
        return new VrrpAdvert(2, 1, priority, intervalCentis, authType, auth, a, 0);
    }

    /** Asserts the advert is dropped for {@code reason}, counted once, and the timer untouched. */
    static void assertDropped(VirtualRouter r, ReceivedAdvert rx, DropReason reason) {
        long before = r.nextDeadlineNanos();
        List<Action> a = r.onAdvert(rx, SEC);
        assertThat(a).singleElement().isInstanceOfSatisfying(Action.Dropped.class,
                d -> assertThat(d.reason()).isEqualTo(reason));
        assertThat(r.stats().count(reason)).isEqualTo(1);
        assertThat(r.stats().advertsReceived()).isZero();
        assertThat(r.nextDeadlineNanos()).isEqualTo(before);
    }

    @Test
    void v2IntervalMismatchIsDropped() {
        VirtualRouter r = VirtualRouterTest.started(settings().build());
        assertDropped(r, rx(v2(150, 200, 0, new byte[8], List.of(VIP)), "10.0.0.3"), DropReason.ADVERT_INTERVAL);
    }

    @Test
    void versionMismatchIsDropped() {
        VirtualRouter r = VirtualRouterTest.started(settings().build());
        assertDropped(r, rx(Vrrp.advert(3, 150, 100), "10.0.0.3"), DropReason.VERSION);
    }

    @Test
    void otherVridIsDropped() {
        VirtualRouter r = VirtualRouterTest.started(settings().build());
        assertDropped(r, rx(new VrrpAdvert(2, 9, 150, 100, 0, new byte[8], List.of(VIP), 0), "10.0.0.3"),
                DropReason.VRID);
    }

    @Test
    void multicastTtlMustBe255() {
        VirtualRouter r = VirtualRouterTest.started(settings().build());
        assertDropped(r, new ReceivedAdvert(Vrrp.advert(2, 150, 100), addr("10.0.0.3"), 254, false),
                DropReason.IP_TTL);
    }

    @Test
    void authTypeMismatchAndWrongPassword() {
        byte[] good = Arrays.copyOf("secret".getBytes(StandardCharsets.US_ASCII), 8);
        byte[] bad = Arrays.copyOf("guess".getBytes(StandardCharsets.US_ASCII), 8);
        VirtualRouter r = VirtualRouterTest.started(settings().authPass("secret").build());
        assertDropped(r, rx(v2(150, 100, 0, new byte[8], List.of(VIP)), "10.0.0.3"), DropReason.AUTH_TYPE_MISMATCH);
        VirtualRouter r2 = VirtualRouterTest.started(settings().authPass("secret").build());
        assertDropped(r2, rx(v2(150, 100, 1, bad, List.of(VIP)), "10.0.0.3"), DropReason.AUTH_FAILURE);
        assertThat(r2.onAdvert(rx(v2(150, 100, 1, good, List.of(VIP)), "10.0.0.3"), 2 * SEC)).isEmpty();
        assertThat(r2.nextDeadlineNanos()).isEqualTo(2 * SEC + DOWN_100);
    }

    @Test
    void unicastChecks() {
        List<UnicastPeer> peers = List.of(new UnicastPeer(addr("10.0.0.3"), 250, 255, null));
        RouterSettings s = settings().unicastPeers(peers, true).build();
        assertDropped(VirtualRouterTest.started(s), new ReceivedAdvert(Vrrp.advert(2, 150, 100),
                addr("10.0.0.4"), 255, true), DropReason.UNICAST_SOURCE);
        assertDropped(VirtualRouterTest.started(s), new ReceivedAdvert(Vrrp.advert(2, 150, 100),
                addr("10.0.0.3"), 64, true), DropReason.IP_TTL);
        assertDropped(VirtualRouterTest.started(s), new ReceivedAdvert(Vrrp.advert(2, 150, 100),
                addr("10.0.0.3"), 255, false), DropReason.UNICAST_SOURCE);
        VirtualRouter ok = VirtualRouterTest.started(s);
        assertThat(ok.onAdvert(new ReceivedAdvert(Vrrp.advert(2, 150, 100), addr("10.0.0.3"), 251, true), SEC))
                .isEmpty();
        // Without check_unicast_src any source and TTL is accepted.
        VirtualRouter open = VirtualRouterTest.started(settings().unicastPeers(peers, false).build());
        assertThat(open.onAdvert(new ReceivedAdvert(Vrrp.advert(2, 150, 100), addr("10.0.0.9"), 3, true), SEC))
                .isEmpty();
    }

    @Test
    void ownAdvertAndOwnerIgnoringAdverts() {
        assertDropped(VirtualRouterTest.started(settings().build()), rx(150, "10.0.0.2"), DropReason.OWN_PACKET);
        assertDropped(VirtualRouterTest.started(settings().priority(255).ownerIgnoreAdverts(true).build()),
                rx(150, "10.0.0.3"), DropReason.OWNER_IGNORES);
    }

    @Test
    void addressListMismatchIsCountedButProcessed() {
        VirtualRouter r = VirtualRouterTest.started(settings().build());
        List<Action> a = r.onAdvert(rx(v2(150, 100, 0, new byte[8], List.of(addr("10.9.9.9"))), "10.0.0.3"), SEC);
        assertThat(a).singleElement().isInstanceOfSatisfying(Action.Mismatch.class,
                m -> assertThat(m.reason()).isEqualTo(DropReason.ADDRESS_LIST));
        assertThat(r.stats().count(DropReason.ADDRESS_LIST)).isEqualTo(1);
        assertThat(r.nextDeadlineNanos()).isEqualTo(SEC + DOWN_100);
    }

    @Test
    void skipCheckAdvAddrSkipsTheListForTheSameMaster() {
        VirtualRouter r = VirtualRouterTest.started(settings().skipCheckAdvAddr(true).build());
        r.onAdvert(rx(150, "10.0.0.3"), SEC);
        assertThat(r.onAdvert(rx(v2(150, 100, 0, new byte[8], List.of()), "10.0.0.3"), 2 * SEC)).isEmpty();
        assertThat(r.onAdvert(rx(v2(150, 100, 0, new byte[8], List.of()), "10.0.0.4"), 3 * SEC)).hasSize(1);
    }

    @Test
    void advertsIgnoredBeforeStart() {
        VirtualRouter r = new VirtualRouter(settings().build());
        assertThat(r.onAdvert(rx(150, "10.0.0.3"), SEC)).isEmpty();
        assertThat(r.onAdvert(null, SEC)).isEmpty();
        assertThat(r.onTimer(SEC)).isEmpty();
    }
}
