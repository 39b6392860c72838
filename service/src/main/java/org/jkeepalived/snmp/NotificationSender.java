package org.jkeepalived.snmp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.os.log.Log;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

/**
 * Sends notifications to the configured trap sinks (RFC 3416 §4.2.6, RFC 3413 §3.3) from one thread with a
 * bounded queue, so {@link #send} never blocks the caller. Traps are fire-and-forget; informs wait for the
 * acknowledgement on snmp4j's timer with its retries. Each sink's failures are logged at most once a minute.
 */
final class NotificationSender implements AutoCloseable {
    static final int QUEUE = 1024;
    static final int INFORM_TIMEOUT_MS = 1500;
    static final int INFORM_RETRIES = 3;

    /** One resolved sink. */
    private record Sink(String name, Target<UdpAddress> target, boolean v3, boolean inform) {
    }

    private final Snmp snmp;
    private final List<Sink> sinks = new ArrayList<>();
    private final Supplier<TimeTicks> upTime;
    private final Log log;
    private final RateLimitedLog limited = new RateLimitedLog(TimeUnit.MINUTES.toNanos(1), System::nanoTime);
    private final ThreadPoolExecutor thread;

    /**
     * @param snmp     a session with its own transport, MPv2c and MPv3/USM (with the users)
     * @param config   the sinks
     * @param users    the configured users by name
     * @param engineId the local engine, authoritative for v3 traps (RFC 3412 §7.1 step 9)
     */
    NotificationSender(Snmp snmp, List<SnmpAgentConfig.TrapSink> config, Map<String, SnmpAgentConfig.User> users,
                       byte[] engineId, Supplier<TimeTicks> upTime, Log log) {
        this.snmp = snmp;
        this.upTime = upTime;
        this.log = log;
        for (SnmpAgentConfig.TrapSink s : config) {
            try {
                sinks.add(resolve(s, users, engineId));
            } catch (IllegalArgumentException e) {
                log.error("SNMP: trap_sink " + s.address() + " ignored: " + e.getMessage());
            }
        }
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "snmp-notify");
            t.setDaemon(true);
            return t;
        });
    }

    private static Sink resolve(SnmpAgentConfig.TrapSink s, Map<String, SnmpAgentConfig.User> users,
                                byte[] engineId) {
        UdpAddress address = SnmpAddresses.parse(s.address(), 162);
        Target<UdpAddress> target;
        boolean v3 = s.user() != null;
        if (v3) {
            SnmpAgentConfig.User user = users.get(s.user());
            if (user == null) {
                throw new IllegalArgumentException("user '" + s.user() + "' is not configured");
            }
            if (user.auth() == null) {
                throw new IllegalArgumentException("user '" + s.user() + "' has no authentication");
            }
            UserTarget<UdpAddress> t = new UserTarget<>();
            t.setSecurityName(AccessControl.octets(user.name()));
            t.setSecurityLevel(user.priv() != null ? SecurityLevel.AUTH_PRIV : SecurityLevel.AUTH_NOPRIV);
            if (!s.inform()) { // a trap's authoritative engine is the sender; an inform's, the receiver (discovered)
                t.setAuthoritativeEngineID(engineId);
            }
            target = t;
            target.setVersion(SnmpConstants.version3);
        } else {
            CommunityTarget<UdpAddress> t = new CommunityTarget<>();
            t.setCommunity(AccessControl.octets(s.community() != null ? s.community()
                    : SnmpAgentConfig.DEFAULT_COMMUNITY));
            target = t;
            target.setVersion(SnmpConstants.version2c);
        }
        target.setAddress(address);
        target.setTimeout(INFORM_TIMEOUT_MS);
        target.setRetries(INFORM_RETRIES);
        String name = SnmpAddresses.show(address) + (v3 ? " user " + s.user() : "") + (s.inform() ? " inform" : "");
        return new Sink(name, target, v3, s.inform());
    }

    boolean hasSinks() {
        return !sinks.isEmpty();
    }

    /** Queues {@code n} for every sink; returns at once. */
    void send(SnmpNotification n) {
        if (sinks.isEmpty()) {
            log.detail("SNMP: no trap_sink configured, notification " + n.trapOid() + " dropped");
            return;
        }
        try {
            thread.execute(() -> deliver(n));
        } catch (RejectedExecutionException e) {
            limited.log("queue", "SNMP: notification queue full or agent stopped; " + n.trapOid() + " dropped",
                    log::warn);
        }
    }

    private void deliver(SnmpNotification n) {
        TimeTicks now = upTime.get();
        for (Sink sink : sinks) {
            PDU pdu = sink.v3() ? new ScopedPDU() : new PDU();
            pdu.setType(sink.inform() ? PDU.INFORM : PDU.TRAP);
            pdu.add(new VariableBinding(SnmpConstants.sysUpTime, now));
            pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, n.trapOid()));
            pdu.addAll(n.varbinds());
            try {
                if (sink.inform()) {
                    snmp.send(pdu, sink.target(), sink, informListener);
                } else {
                    snmp.send(pdu, sink.target());
                }
            } catch (IOException | RuntimeException e) {
                failed(sink, "cannot send: " + e.getMessage());
            }
        }
    }

    private final ResponseListener informListener = new ResponseListener() {
        @Override
        public <A extends org.snmp4j.smi.Address> void onResponse(ResponseEvent<A> event) {
            ((Snmp) event.getSource()).cancel(event.getRequest(), this);
            Sink sink = (Sink) event.getUserObject();
            PDU response = event.getResponse();
            if (event.getError() != null) {
                failed(sink, "inform failed: " + event.getError().getMessage());
            } else if (response == null) {
                failed(sink, "inform not acknowledged after " + (INFORM_RETRIES + 1) + " attempts");
            } else if (response.getType() == PDU.REPORT) {
                failed(sink, "inform refused with report " + response.getVariableBindings());
            } else if (response.getErrorStatus() != PDU.noError) {
                failed(sink, "inform answered with " + response.getErrorStatusText());
            }
        }
    };

    private void failed(Sink sink, String why) {
        limited.log(sink.name(), "SNMP: notification to trap_sink " + sink.name() + " failed: " + why, log::warn);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
