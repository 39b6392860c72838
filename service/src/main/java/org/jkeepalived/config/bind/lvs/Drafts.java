package org.jkeepalived.config.bind.lvs;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BiFunction;
import org.jkeepalived.config.model.ScriptCommand;
import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.Forwarding;
import org.jkeepalived.config.model.lvs.IpFamily;
import org.jkeepalived.config.model.lvs.Protocol;
import org.jkeepalived.config.model.lvs.SchedulerFlag;
import org.jkeepalived.config.model.lvs.ServiceTarget;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.config.model.lvs.VirtualServerGroup;
import org.jkeepalived.config.syntax.Node;

/**
 * Mutable state while one virtual server is read and validated. keepalived fills its structures keyword
 * by keyword and corrects them afterwards (protocol, scheduler, forwarding, ports, quorum), so the
 * binders do the same on these drafts and only then build the immutable records. A null field means
 * "not configured here" and is resolved from the level above.
 */
final class Drafts {
    private Drafts() {
    }

    static final class Vs {
        final Node node;
        final ServiceTarget target;
        VirtualServerGroup group;
        IpFamily family;
        Protocol protocol;
        String sched;
        final EnumSet<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
        Forwarding forwarding;
        long persistenceTimeout;
        VirtualServer.PersistenceGranularity granularity;
        String persistenceEngine;
        boolean haSuspend;
        boolean alpha;
        boolean omega;
        boolean inhibit;
        long quorum = 1;
        long hysteresis;
        ScriptCommand quorumUp;
        ScriptCommand quorumDown;
        Sorry sorry;
        long weight = 1;
        String virtualhost;
        String snmpName;
        Boolean smtpAlert;
        long connectTimeout = 5 * LvsValues.SECOND;
        long delayLoop = 60 * LvsValues.SECOND;
        Long retry;
        Long delayBeforeRetry;
        Long warmup;
        final List<Rs> realServers = new ArrayList<>();

        Vs(Node node, ServiceTarget target) {
            this.node = node;
            this.target = target;
            if (target instanceof ServiceTarget.Address a) {
                family = LvsValues.family(a.address());
            }
        }

        /** The port of an address service, 0 otherwise. */
        int port() {
            return target instanceof ServiceTarget.Address a ? a.port() : 0;
        }

        boolean isFwmark() {
            return target instanceof ServiceTarget.Fwmark;
        }
    }

    static final class Sorry {
        final InetAddress address;
        int port;
        Forwarding forwarding;
        boolean inhibit;

        Sorry(InetAddress address, int port, Forwarding forwarding) {
            this.address = address;
            this.port = port;
            this.forwarding = forwarding;
        }
    }

    static final class Rs {
        final Node node;
        final InetAddress address;
        /** The port as written (0 = none): checkers default to it, before keepalived's port corrections. */
        final int writtenPort;
        int port;
        Forwarding forwarding;
        Long weight;
        long uthreshold;
        long lthreshold;
        Boolean inhibit;
        Boolean alpha;
        Boolean smtpAlert;
        ScriptCommand notifyUp;
        ScriptCommand notifyDown;
        String virtualhost;
        String snmpName;
        Long connectTimeout;
        Long delayLoop;
        Long retry;
        Long delayBeforeRetry;
        Long warmup;
        final List<Check> checkers = new ArrayList<>();

        Rs(Node node, InetAddress address, int port, Forwarding forwarding) {
            this.node = node;
            this.address = address;
            this.writtenPort = port;
            this.port = port;
            this.forwarding = forwarding;
        }
    }

    /** The common checker keys (retry and timing) as written in one checker block. */
    static final class Timing {
        Long delayLoop;
        Long warmup;
        Long retry;
        Long delayBeforeRetry;
        Boolean alpha;
        boolean logAllFailures;
    }

    /** The connection keys as written in one checker (or SMTP host) block. */
    static final class Connection {
        InetAddress connectIp;
        Integer connectPort;
        InetAddress bindto;
        int bindPort;
        String bindIf;
        long fwmark;
        Long connectTimeout;

        Connection copy() {
            Connection c = new Connection();
            c.connectIp = connectIp;
            c.connectPort = connectPort;
            c.bindto = bindto;
            c.bindPort = bindPort;
            c.bindIf = bindIf;
            c.fwmark = fwmark;
            c.connectTimeout = connectTimeout;
            return c;
        }
    }

    /**
     * One checker as read: its common keys, its kind's defaults, and how to build the record once the
     * timing and connection are resolved.
     */
    static final class Check {
        final String kind;
        final Timing timing;
        /** Null for checkers without a connection (MISC_CHECK, FILE_CHECK, BFD_CHECK). */
        Connection connection;
        long defaultRetry = 1;
        /** Null: the delay loop (DNS_CHECK). */
        Long defaultDelayBeforeRetry = LvsValues.SECOND;
        BiFunction<CheckerTiming, CheckerConnection, Checker> build;

        Check(String kind) {
            this(kind, new Timing());
        }

        /** A checker sharing another's timing keys (SMTP_CHECK host blocks). */
        Check(String kind, Timing timing) {
            this.kind = kind;
            this.timing = timing;
        }
    }
}
