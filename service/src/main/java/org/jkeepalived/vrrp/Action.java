package org.jkeepalived.vrrp;

import java.net.InetAddress;
import java.util.List;
import org.jkeepalived.config.model.vrrp.VirtualAddress;
import org.jkeepalived.vrrp.packet.DropReason;

/**
 * What a {@link VirtualRouter} asks the runtime to do. The router never performs I/O itself; the runtime
 * loop turns these into port calls, notifications and log lines, in list order.
 */
public sealed interface Action {

    /** Send one advert with this priority (0 resigns: RFC 5798 §6.4.3 Shutdown). Addresses and interval come from the settings. */
    record SendAdvert(int priority) implements Action {
    }

    /** Add the virtual addresses (VIPs and eVIPs), on becoming MASTER. */
    record AddVips(List<VirtualAddress> addresses) implements Action {
        public AddVips {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * Remove the virtual addresses, on leaving MASTER; or, with {@code cleanup}, make sure they are absent
     * when an instance starts as BACKUP or FAULT (a killed daemon may have left them behind; keepalived logs
     * "removing VIPs." then too). Absent addresses are not an error.
     */
    record RemoveVips(List<VirtualAddress> addresses, boolean cleanup) implements Action {
        public RemoveVips {
            addresses = List.copyOf(addresses);
        }

        public RemoveVips(List<VirtualAddress> addresses) {
            this(addresses, false);
        }
    }

    /** Send {@code repeat} gratuitous ARPs / unsolicited NAs for each address (spacing is the runtime's). */
    record SendGratuitous(int repeat, List<VirtualAddress> addresses) implements Action {
        public SendGratuitous {
            addresses = List.copyOf(addresses);
        }
    }

    /** The state changed; {@code reason} is a short phrase in keepalived's log style. */
    record StateChanged(VrrpState from, VrrpState to, String reason) implements Action {
        /** The log line, e.g. {@code VI_1: BACKUP -> MASTER (master down timer expired)}. */
        public String logLine(String instance) {
            return instance + ": " + from + " -> " + to + " (" + reason + ")";
        }
    }

    /** The effective priority changed (keepalived logs "Changing effective priority from X to Y"). */
    record PriorityChanged(int from, int to) implements Action {
    }

    /** A received advert was dropped; already counted in {@link VrrpStats}. Log rate-limited. */
    record Dropped(DropReason reason, String message) implements Action {
    }

    /**
     * A received advert disagreed with the instance but was still processed (address list, v3 interval);
     * already counted in {@link VrrpStats} under {@code reason}.
     */
    record Mismatch(DropReason reason, String message) implements Action {
    }

    /**
     * A MASTER received a lower-priority advert and stays MASTER: drives notify_master_rx_lower_pri and the
     * FIFO event MASTER_RX_LOWER_PRI (keepalived c.9).
     */
    record LowerPriorityAdvert(InetAddress from, int priority) implements Action {
    }

    /** A BACKUP received priority 0: the master resigned, takeover after Skew_Time (keepalived logs it). */
    record PriorityZeroReceived(InetAddress from) implements Action {
    }

    /** A BACKUP discarded a lower-priority advert in order to preempt (RFC 5798 §6.4.2); logged only. */
    record Discarded(InetAddress from, int priority, String message) implements Action {
    }

    /**
     * A new split-brain episode: another MASTER for our virtual router ({@link SplitBrainDetector}). Logged, counted
     * and published (JKEEPALIVED-MIB jkSplitBrainDetected, a JMX notification).
     *
     * @param episodes the instance's episodes so far, this one included
     */
    record SplitBrain(SplitBrainKind kind, InetAddress peer, int peerPriority, int ownPriority, long episodes)
            implements Action {
    }
}
