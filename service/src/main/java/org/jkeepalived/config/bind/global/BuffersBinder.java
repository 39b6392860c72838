package org.jkeepalived.config.bind.global;

import java.util.Locale;
import org.jkeepalived.config.model.global.GlobalDefs.BufferSettings;
import org.jkeepalived.config.syntax.Node;

/** Netlink and VRRP socket receive-buffer tuning: validated like keepalived 2.2.7, not acted on. */
final class BuffersBinder implements GlobalSection {
    private final Args args;
    private final long[] sizes = new long[5];
    private final boolean[] force = new boolean[5];
    private String rxBufsPolicy = "default";
    private long rxBufsSize;
    private long rxBufsMultiplier = 3;

    private static final String[] NAMES = {
        "vrrp_netlink_cmd_rcv_bufs", "vrrp_netlink_monitor_rcv_bufs", "lvs_netlink_cmd_rcv_bufs",
        "lvs_netlink_monitor_rcv_bufs", "process_monitor_rcv_bufs"};

    BuffersBinder(Args args) {
        this.args = args;
    }

    @Override
    public boolean bind(Node n) {
        String k = n.keyword();
        for (int i = 0; i < NAMES.length; i++) {
            if (k.equals(NAMES[i])) {
                size(n, i);
                return true;
            }
            if (k.equals(NAMES[i] + "_force")) {
                force[i] = Args.or(args.globalBool(n), force[i]);
                return true;
            }
        }
        switch (k) {
            case "vrrp_rx_bufs_policy" -> policy(n);
            case "vrrp_rx_bufs_multiplier" -> {
                if (!n.hasArg(0)) {
                    args.error(n, "Invalid vrrp_rx_bufs_multiplier");
                    return true;
                }
                Long v = args.unsigned(n, n.arg(0), 1, Args.UINT_MAX);
                if (v == null) {
                    args.error(n, "Invalid vrrp_rx_bufs_multiplier " + n.arg(0));
                } else {
                    rxBufsMultiplier = v;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void size(Node n, int i) {
        if (!n.hasArg(0)) {
            args.error(n, n.written() + " size missing");
            return;
        }
        Long v = args.unsigned(n, n.arg(0), 0, Args.UINT_MAX);
        if (v == null) {
            args.error(n, n.written() + " size (" + n.arg(0) + ") invalid");
        } else {
            sizes[i] = v;
        }
    }

    /** MTU or ADVERT (any case), or a buffer size in bytes. */
    private void policy(Node n) {
        if (!n.hasArg(0)) {
            args.error(n, "vrrp_rx_bufs_policy missing");
            return;
        }
        String w = n.arg(0);
        String upper = w.toUpperCase(Locale.ROOT);
        if (upper.equals("MTU") || upper.equals("ADVERT")) {
            rxBufsPolicy = upper;
            return;
        }
        Long v = args.unsigned(n, w, 0, Args.UINT_MAX);
        if (v == null) {
            args.error(n, "Invalid vrrp_rx_bufs_policy " + w);
        } else {
            rxBufsPolicy = "SIZE";
            rxBufsSize = v;
        }
    }

    BufferSettings build() {
        return new BufferSettings(sizes[0], force[0], sizes[1], force[1], sizes[2], force[2], sizes[3], force[3],
                sizes[4], force[4], rxBufsPolicy, rxBufsSize, rxBufsMultiplier);
    }
}
