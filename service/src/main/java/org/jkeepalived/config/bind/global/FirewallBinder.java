package org.jkeepalived.config.bind.global;

import java.util.List;
import org.jkeepalived.config.model.global.GlobalDefs.FirewallSettings;
import org.jkeepalived.config.syntax.Node;

/**
 * nftables, nftables_ipvs, vrrp_iptables, vrrp_ipsets and disable_local_igmp: accepted, validated and kept,
 * not acted on. keepalived 2.2.7 as packaged (the oracle) has no iptables/ipset support: vrrp_iptables is an
 * error that switches to nftables, and vrrp_ipsets is rejected; we report both so that {@code -t} agrees.
 */
final class FirewallBinder implements GlobalSection {
    private static final String NO_IPTABLES = "iptables not supported, using nftables instead. Please replace"
            + " 'vrrp_iptables' and 'vrrp_ipsets' with 'nftables' config option";

    private final Args args;
    private final FirewallSettings d = FirewallSettings.defaults();
    private String nftablesTable;
    private int nftablesPriority = d.nftablesPriority();
    private boolean nftablesCounters;
    private boolean nftablesIfindex;
    private String nftablesIpvsTable;
    private int nftablesIpvsPriority = d.nftablesIpvsPriority();
    private long nftablesIpvsStartFwmark = d.nftablesIpvsStartFwmark();
    private List<String> iptablesChains = List.of();
    private List<String> ipsets = List.of();
    private boolean disableLocalIgmp;

    FirewallBinder(Args args) {
        this.args = args;
    }

    @Override
    public boolean bind(Node n) {
        switch (n.keyword()) {
            case "nftables" -> {
                if (nftablesTable != null) {
                    args.error(n, "nftables already specified - ignoring");
                } else {
                    nftablesTable = n.hasArg(0) ? n.arg(0) : "keepalived";
                }
            }
            case "nftables_priority" -> nftablesPriority = priority(n, "invalid nftables chain priority '%s'",
                    nftablesPriority);
            case "nftables_counters" -> nftablesCounters = true;
            case "nftables_ifindex" -> nftablesIfindex = true;
            case "nftables_ipvs" -> {
                if (nftablesIpvsTable != null) {
                    args.error(n, "ipvs nftables already specified - ignoring");
                } else {
                    nftablesIpvsTable = n.hasArg(0) ? n.arg(0) : "keepalived_ipvs";
                }
            }
            case "nftables_ipvs_priority" -> nftablesIpvsPriority = priority(n,
                    "invalid ipvs nftables chain priority '%s'", nftablesIpvsPriority);
            case "nftables_ipvs_start_fwmark" -> {
                String w = args.required(n, 0);
                Long v = w == null ? null : args.unsigned(n, w, 1, Args.UINT_MAX);
                if (w != null && v == null) {
                    args.error(n, "invalid ipvs nftables start_fwmark priority '" + w + "'");
                } else if (v != null) {
                    nftablesIpvsStartFwmark = v;
                }
            }
            case "vrrp_iptables" -> {
                args.error(n, NO_IPTABLES);
                iptablesChains = n.args().isEmpty() ? List.of("INPUT", "OUTPUT") : List.copyOf(n.args());
                if (nftablesTable == null) {
                    nftablesTable = "keepalived";
                }
            }
            case "vrrp_ipsets" -> {
                args.error(n, NO_IPTABLES);
                ipsets = List.copyOf(n.args());
            }
            case "disable_local_igmp" -> disableLocalIgmp = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    private int priority(Node n, String message, int previous) {
        String w = args.required(n, 0);
        if (w == null) {
            return previous;
        }
        Long v = args.signed(n, w, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (v == null) {
            args.error(n, String.format(message, w));
            return previous;
        }
        return v.intValue();
    }

    FirewallSettings build() {
        return new FirewallSettings(nftablesTable, nftablesPriority, nftablesCounters, nftablesIfindex,
                nftablesIpvsTable, nftablesIpvsPriority, nftablesIpvsStartFwmark, iptablesChains, ipsets,
                disableLocalIgmp);
    }
}
