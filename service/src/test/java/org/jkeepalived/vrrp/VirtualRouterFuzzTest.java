package org.jkeepalived.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jkeepalived.vrrp.Vrrp.MS;
import static org.jkeepalived.vrrp.Vrrp.addr;

import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import org.jkeepalived.vrrp.packet.VrrpAdvert;
import org.junit.jupiter.api.Test;

/**
 * Events at odd moments and odd adverts never throw out of the core (the {@code transitionTo} assertion
 * included), every StateChanged is a real change that matches {@link VirtualRouter#state()}, and the VIPs
 * are held exactly while MASTER.
 */
class VirtualRouterFuzzTest {
    static final long BASE_SEED = 4_2026L;

    @Test
    void randomEventsNeverThrowAndKeepVipsConsistent() {
        for (long seed = BASE_SEED; seed < BASE_SEED + 100; seed++) {
            Random random = new Random(seed);
            RouterSettings s = Vrrp.settings().version(2 + random.nextInt(2))
                    .priority(random.nextInt(5) == 0 ? 255 : 1 + random.nextInt(254))
                    .wantMaster(random.nextBoolean()).nopreempt(random.nextInt(4) == 0)
                    .preemptDelayNanos(random.nextInt(3) == 0 ? 2_000 * MS : 0)
                    .higherPrioSendAdvert(random.nextBoolean()).lowerPrioNoAdvert(random.nextBoolean())
                    .dontTrackPrimary(random.nextInt(4) == 0).garpRefresh(random.nextBoolean() ? 3_000 * MS : 0, 1)
                    .build();
            VirtualRouter r = new VirtualRouter(s);
            boolean held = false;
            long now = 0;
            for (int step = 0; step < 2_000; step++) {
                now += random.nextInt(700) * MS;
                VrrpState before = r.state();
                List<Action> actions = new java.util.ArrayList<>(switch (random.nextInt(10)) {
                    case 0 -> r.start(now);
                    case 1 -> r.onInterfaceDown(now);
                    case 2 -> r.onInterfaceUp(now);
                    case 3 -> r.onTrackerFault(random.nextBoolean(), now);
                    case 4 -> r.onPriorityChange(random.nextInt(300) - 20, now);
                    case 5 -> random.nextInt(50) == 0 ? r.shutdown(now) : r.onTimer(now);
                    default -> r.onAdvert(randomAdvert(random), now);
                });
                if (r.nextDeadlineNanos() <= now) {
                    actions.addAll(r.onTimer(now)); // the runtime never leaves a deadline behind
                }
                VrrpState state = before;
                for (Action a : actions) {
                    if (a instanceof Action.StateChanged c) {
                        assertThat(c.from()).as("seed %d", seed).isEqualTo(state).isNotEqualTo(c.to());
                        state = c.to();
                    } else if (a instanceof Action.AddVips) {
                        assertThat(held).as("seed %d: AddVips twice", seed).isFalse();
                        held = true;
                    } else if (a instanceof Action.RemoveVips rv && !rv.cleanup()) {
                        assertThat(held).as("seed %d: RemoveVips without AddVips", seed).isTrue();
                        held = false;
                    }
                }
                assertThat(state).isEqualTo(r.state());
                assertThat(held).as("seed %d step %d", seed, step).isEqualTo(r.state() == VrrpState.MASTER);
            }
        }
    }

    static ReceivedAdvert randomAdvert(Random random) {
        if (random.nextInt(50) == 0) {
            return null;
        }
        int version = 2 + random.nextInt(2);
        List<InetAddress> addrs = random.nextInt(5) == 0 ? List.of(addr("10.9.9.9")) : List.of(Vrrp.VIP);
        VrrpAdvert a = new VrrpAdvert(random.nextInt(10) == 0 ? 4 : version, random.nextInt(10) == 0 ? 2 : 1,
                random.nextInt(6) == 0 ? 0 : random.nextInt(256), random.nextInt(3) == 0 ? 200 : 100,
                random.nextInt(4), new byte[version == 2 ? 8 : 0], addrs, 0);
        return new ReceivedAdvert(a, addr("10.0.0." + (1 + random.nextInt(4))), 250 + random.nextInt(6),
                random.nextInt(10) == 0);
    }

    @Test
    void logLineInKeepalivedStyle() {
        assertThat(new Action.StateChanged(VrrpState.BACKUP, VrrpState.MASTER, "master down timer expired")
                .logLine("VI_1")).isEqualTo("VI_1: BACKUP -> MASTER (master down timer expired)");
    }
}
