package org.jkeepalived.config.bind.global;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.bind.Values;
import org.jkeepalived.config.model.global.GlobalDefs.LvsGlobals;
import org.jkeepalived.config.model.global.GlobalDefs.LvsSyncDaemon;
import org.jkeepalived.config.syntax.Node;

/**
 * lvs_sync_daemon, lvs_timeouts, lvs_flush and lvs_flush_on_stop. keepalived 2.2.7 checks only their syntax
 * at load (an unknown interface or vrrp_instance for the sync daemon is not reported by {@code -t}).
 */
final class LvsGlobalsBinder implements GlobalSection {
    /** lvs_timeouts values are capped at 31 days. */
    private static final long MAX_LVS_TIMEOUT = 2_678_400L;
    private static final Set<String> SYNCD_OPTIONS = Set.of("id", "maxlen", "port", "ttl", "group");

    private final Args args;
    private LvsSyncDaemon syncDaemon;
    private int timeoutTcp;
    private int timeoutTcpFin;
    private int timeoutUdp;
    private boolean flush;
    private String flushOnStop = "disabled";

    LvsGlobalsBinder(Args args) {
        this.args = args;
    }

    @Override
    public boolean bind(Node n) {
        switch (n.keyword()) {
            case "lvs_sync_daemon" -> syncDaemon(n);
            case "lvs_timeouts" -> timeouts(n);
            case "lvs_flush" -> flush = true; // a flag: keepalived ignores words after it
            case "lvs_flush_on_stop" -> {
                if (!n.hasArg(0)) {
                    flushOnStop = "full";
                } else if (n.arg(0).equals("VS")) {
                    flushOnStop = "VS";
                } else {
                    args.error(n, "Unknown lvs_flush_on_stop type " + n.arg(0));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void timeouts(Node n) {
        if (n.args().size() < 2) {
            args.error(n, "lvs_timeouts requires at least one option");
            return;
        }
        List<String> a = n.args();
        for (int i = 0; i < a.size(); i++) {
            String opt = a.get(i);
            if (!opt.equals("tcp") && !opt.equals("tcpfin") && !opt.equals("udp")) {
                args.error(n, "Unknown option " + opt + " specified for lvs_timeouts");
                continue;
            }
            if (i + 1 >= a.size()) {
                args.error(n, "No value specified for lvs_timeout " + opt + " - ignoring");
                break;
            }
            String w = a.get(++i);
            Long v = args.unsigned(n, w, 0, MAX_LVS_TIMEOUT);
            if (v == null) {
                args.error(n, "Invalid lvs_timeout " + opt + " (" + w + ") - ignoring");
                continue;
            }
            switch (opt) {
                case "tcp" -> timeoutTcp = v.intValue();
                case "tcpfin" -> timeoutTcpFin = v.intValue();
                default -> timeoutUdp = v.intValue();
            }
        }
    }

    /**
     * {@code IF [[inst] VI] [id N] [maxlen N] [port N] [ttl N] [group IP]}. As in keepalived 2.2.7 the
     * instance may only follow the interface, and a bare number right after the instance is the old
     * positional sync id ("Please use keyword "id" ...").
     */
    private void syncDaemon(Node n) {
        if (!n.hasArg(0)) {
            args.error(n, "lvs_sync_daemon requires interface");
            return;
        }
        if (syncDaemon != null) {
            args.error(n, "lvs_sync_daemon has already been specified as " + syncDaemon.interfaceName()
                    + "  - ignoring");
            return;
        }
        List<String> a = n.args();
        String instance = null;
        int i = 1;
        if (i < a.size() && a.get(i).equals("inst")) {
            instance = args.required(n, i + 1);
            if (instance == null) {
                return;
            }
            i += 2;
        } else if (i < a.size() && !SYNCD_OPTIONS.contains(a.get(i))) {
            instance = a.get(i++);
        }
        int syncId = -1;
        Integer maxlen = null;
        Integer port = null;
        Integer ttl = null;
        String group = null;
        if (instance != null && i < a.size() && !SYNCD_OPTIONS.contains(a.get(i))) {
            String w = a.get(i++);
            Long v = args.unsigned(n, w, 0, 255);
            if (v == null) {
                args.error(n, "Invalid syncid (" + w + ") - defaulting to vrid");
            } else {
                args.error(n, "Please use keyword \"id\" before lvs_sync_daemon SYNCID");
                syncId = v.intValue();
            }
        }
        for (; i < a.size(); i++) {
            String opt = a.get(i);
            if (!SYNCD_OPTIONS.contains(opt)) {
                args.error(n, "Unknown option " + opt + " specified for lvs_sync_daemon");
                continue;
            }
            if (i + 1 >= a.size()) {
                args.error(n, "No value specified for lvs_sync_daemon " + opt
                        + (opt.equals("id") ? ", defaulting to vrid" : " - ignoring"));
                continue;
            }
            String w = a.get(++i);
            switch (opt) {
                case "id" -> {
                    Long v = args.unsigned(n, w, 0, 255);
                    if (v == null) {
                        args.error(n, "Invalid syncid (" + w + ") - defaulting to vrid");
                    } else {
                        syncId = v.intValue();
                    }
                }
                case "maxlen" -> maxlen = option(n, w, 1, 65507, "maxlen", maxlen);
                case "port" -> port = option(n, w, 1, 65535, "port", port);
                case "ttl" -> ttl = option(n, w, 1, 255, "ttl", ttl);
                default -> group = group(n, w, group);
            }
        }
        syncDaemon = new LvsSyncDaemon(a.get(0), instance, instance == null && syncId < 0 ? 0 : syncId, maxlen,
                port != null ? port : LvsSyncDaemon.DEFAULT_PORT, ttl,
                group != null ? group : LvsSyncDaemon.DEFAULT_GROUP);
    }

    private Integer option(Node n, String w, long min, long max, String name, Integer previous) {
        Long v = args.unsigned(n, w, min, max);
        if (v == null) {
            args.error(n, "Invalid lvs_sync_daemon " + name + " (" + w + ") - ignoring");
            return previous;
        }
        return v.intValue();
    }

    private String group(Node n, String w, String previous) {
        Optional<InetAddress> a = Values.address(w);
        if (a.isEmpty()) {
            args.error(n, "Invalid lvs_sync_daemon group (" + w + ") - ignoring");
            return previous;
        }
        if (!a.get().isMulticastAddress()) {
            args.error(n, "lvs_sync_daemon group address " + w + " is not multicast - ignoring");
            return previous;
        }
        return a.get().getHostAddress();
    }

    LvsGlobals build() {
        return new LvsGlobals(syncDaemon, timeoutTcp, timeoutTcpFin, timeoutUdp, flush, flushOnStop);
    }
}
