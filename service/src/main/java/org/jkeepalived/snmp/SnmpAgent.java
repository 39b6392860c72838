package org.jkeepalived.snmp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSnapshot;
import org.jkeepalived.status.StatusSource;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.Snmp;
import org.snmp4j.TransportMapping;
import org.snmp4j.TransportStateReference;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.agent.DefaultMOServer;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.ManagedObject;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.USM;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * The in-process SNMP agent: SNMPv2c and SNMPv3 (USM) GET/GETNEXT/GETBULK/SET over the MIB built from the
 * latest status snapshot, and notifications to the trap sinks. Built on snmp4j's message dispatcher, MPv2c,
 * MPv3 and USM, and on snmp4j-agent: its CommandProcessor answers requests (RFC 3416) over a DefaultMOServer
 * holding the snapshot's MIB ({@link SnapshotMib}) and the standard groups ({@link StandardMibs}), with its
 * VacmMIB deciding access (RFC 3415, {@link AccessControl}). SNMPv1 is refused (not dispatched; counted as
 * snmpInBadVersions): every manager in use speaks v2c.
 *
 * <p>Threads: one snmp4j listen thread per bound address (decode, USM authentication and decryption, community
 * check: {@link RequestIntake}), a pool of {@value #WORKERS} workers running the CommandProcessor with a queue of
 * {@value #QUEUE} requests (a full queue drops), one notification thread, and snmp4j's timer for inform retries.
 * Nothing is written to disk: snmpEngineBoots is derived from the clock (RFC 3414 §2.2.2 only needs it to grow
 * across restarts).
 */
public final class SnmpAgent implements AutoCloseable {
    /** sysObjectID: KEEPALIVED-MIB's keepalived object, as keepalived's agent says. */
    public static final OID SYS_OBJECT_ID = new OID("1.3.6.1.4.1.9586.100.5");
    static final int WORKERS = 2;
    static final int QUEUE = 256;
    /** snmpEngineBoots counts seconds since 2024-01-01T00:00Z: grows on every restart, lasts until 2092. */
    private static final long BOOTS_EPOCH_SECONDS = 1_704_067_200L;
    private static final int PEN = 9586; // the enterprise of sysObjectID (RFC 3411 §5 SnmpEngineID)

    private final byte[] engineId;
    private final Log log;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<TransportMapping<?>> transports = new ArrayList<>();
    private final List<String> listening = new ArrayList<>();
    private ThreadPoolExecutor workers;
    private Snmp notifySession;
    private NotificationSender sender;

    private SnmpAgent(byte[] engineId, Log log) {
        if (engineId == null || engineId.length < 5 || engineId.length > 32) { // RFC 3411 §5 SnmpEngineID SIZE
            log.error("SNMP agent: engine ID must be 5 to 32 octets, using one derived from the host name");
            engineId = engineIdFor(hostName());
        }
        this.engineId = engineId.clone();
        this.log = log;
    }

    /** {@link #start(SnmpAgentConfig, StatusSource, Function, MibWrites, String, byte[], Log)} with the engine ID
     * derived from the host name ({@link #engineIdFor}). */
    public static SnmpAgent start(SnmpAgentConfig config, StatusSource status, Function<StatusSnapshot, MibTree> mibs,
                                  MibWrites writes, String sysDescr, Log log) {
        return start(config, status, mibs, writes, sysDescr, engineIdFor(hostName()), log);
    }

    /**
     * Starts the agent. Never throws: an address that cannot be bound, a user whose keys cannot be made, a bad
     * trap sink are logged and skipped; if nothing can be bound the agent serves nothing but still sends
     * notifications.
     *
     * @param mibs     the MIB of a snapshot (called on an SNMP worker, once per snapshot generation)
     * @param writes   where SETs by {@code rw} principals go
     * @param sysDescr SNMPv2-MIB sysDescr
     * @param engineId snmpEngineID (RFC 3411 format, 5 to 32 octets)
     */
    public static SnmpAgent start(SnmpAgentConfig config, StatusSource status, Function<StatusSnapshot, MibTree> mibs,
                                  MibWrites writes, String sysDescr, byte[] engineId, Log log) {
        SnmpAgent agent = new SnmpAgent(engineId, log);
        try {
            agent.open(config, status, mibs, writes, sysDescr);
        } catch (RuntimeException e) {
            log.error("SNMP agent failed to start, it serves nothing: " + e);
            agent.close();
        }
        return agent;
    }

    private void open(SnmpAgentConfig config, StatusSource status, Function<StatusSnapshot, MibTree> mibs,
                      MibWrites writes, String sysDescr) {
        CounterLog counterLog = new CounterLog(log);
        CounterSupport counterSupport = new CounterSupport();
        int boots = engineBoots();
        Map<String, SnmpAgentConfig.User> users = new HashMap<>();
        config.users().forEach(u -> users.put(u.name(), u));
        USM usm = UsmUsers.usm(engineId, boots, counterSupport, config.users(), true, log);
        StandardMibs standard = new StandardMibs(sysDescr, SYS_OBJECT_ID, usm);
        List<CounterListener> listeners = new ArrayList<>(standard.counters());
        listeners.add(counterLog); // last: the MIBs have set the current value by then
        CounterListener counters = event -> listeners.forEach(l -> l.incrementCounter(event));
        counterSupport.addCounterListener(counters);
        MPv3 mpv3 = new AgentMPv3(engineId, usm, counterSupport);
        Supplier<TimeTicks> upTime = () -> upTime(status);

        DefaultMOServer server = new DefaultMOServer();
        server.addContext(new OctetString());
        CommandProcessor processor = new CommandProcessor(new OctetString(engineId));
        processor.addMOServer(server);
        VacmMIB vacm = AccessControl.vacm(server);
        AccessControl access = AccessControl.configure(vacm, config.communities(), config.users(), engineId);
        processor.setVacm(vacm);
        processor.setCoexistenceProvider(access);
        processor.addCounterListener(counters);
        AtomicInteger n = new AtomicInteger();
        workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "snmp-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        MessageDispatcherImpl dispatcher = new PeerTrackingDispatcher(counterLog, counters, log);
        dispatcher.addCounterListener(counters);
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(mpv3);
        dispatcher.addCommandResponder(new RequestIntake(processor, access, counters, counterLog, workers, log));
        try {
            for (ManagedObject<?> mo : new SnapshotMib(status, mibs, writes == null ? MibWrites.NONE : writes, log)
                    .objects()) {
                server.register(mo, null);
            }
            listenAll(config.listen(), dispatcher);
            standard.register(server, engineId, usm, transports, hostName(), upTime);
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException("overlapping managed objects: " + e.getMessage(), e);
        }
        if (transports.isEmpty()) {
            log.error("SNMP agent: no listen address could be bound (" + String.join(", ", config.listen())
                    + "); it answers no requests");
        }
        openNotifications(config, users, boots, upTime);
    }

    /**
     * Binds every address. Java's IPv6 wildcard socket is dual-stack (no IPV6_V6ONLY), so with both
     * {@code udp:0.0.0.0:P} and {@code udp6:[::]:P} listed (snmpd's {@code udp:161,udp6:161}) the IPv6 one is
     * bound first and serves both; the IPv4 one is bound only if that failed (IPv6 disabled).
     */
    private void listenAll(List<String> specs, MessageDispatcherImpl dispatcher) {
        List<Map.Entry<String, UdpAddress>> addresses = new ArrayList<>();
        for (String spec : specs) {
            try {
                addresses.add(Map.entry(spec, SnmpAddresses.parse(spec, 161)));
            } catch (IllegalArgumentException e) {
                log.error("SNMP agent: listen address " + e.getMessage());
            }
        }
        java.util.Set<Integer> dualStack = new java.util.HashSet<>();
        for (Map.Entry<String, UdpAddress> a : addresses) {
            if (isWildcard(a.getValue(), true) && listen(a.getKey(), a.getValue(), dispatcher)) {
                dualStack.add(a.getValue().getPort());
            }
        }
        for (Map.Entry<String, UdpAddress> a : addresses) {
            if (isWildcard(a.getValue(), true)) {
                continue;
            }
            if (isWildcard(a.getValue(), false) && dualStack.contains(a.getValue().getPort())
                    && a.getValue().getPort() != 0) {
                log.info("SNMP agent: " + a.getKey() + " is served by the IPv6 wildcard socket on the same port");
                continue;
            }
            listen(a.getKey(), a.getValue(), dispatcher);
        }
    }

    private static boolean isWildcard(UdpAddress a, boolean ipv6) {
        return a.getInetAddress().isAnyLocalAddress() && (a.getInetAddress() instanceof java.net.Inet6Address) == ipv6;
    }

    private boolean listen(String spec, UdpAddress address, MessageDispatcherImpl dispatcher) {
        try {
            DefaultUdpTransportMapping tm = new DefaultUdpTransportMapping(address, false);
            tm.addTransportListener(dispatcher);
            dispatcher.addTransportMapping(tm);
            tm.listen();
            transports.add(tm);
            String bound = SnmpAddresses.show(tm.getListenAddress());
            listening.add(bound);
            log.info("SNMP agent listening on " + bound);
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("SNMP agent: cannot listen on " + spec + ": " + e.getMessage());
            return false;
        }
    }

    private void openNotifications(SnmpAgentConfig config, Map<String, SnmpAgentConfig.User> users, int boots,
                                   Supplier<TimeTicks> upTime) {
        if (config.trapSinks().isEmpty()) {
            return;
        }
        try {
            // Its own session and wildcard socket: the listen addresses may not reach the sinks, and no request
            // is served on this socket (Snmp ignores requests without a command responder of ours).
            CounterSupport counterSupport = new CounterSupport();
            USM usm = UsmUsers.usm(engineId, boots, counterSupport, config.users(), false, log);
            MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
            dispatcher.addMessageProcessingModel(new MPv2c());
            dispatcher.addMessageProcessingModel(AgentMPv3.positiveMsgIds(new MPv3(engineId, null,
                    usm.getSecurityProtocols(), SecurityModels.getCollection(new SecurityModel[] {usm}), counterSupport),
                    boots));
            DefaultUdpTransportMapping tm;
            try {
                tm = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getByName("::"), 0), false);
            } catch (IOException noIpv6) {
                tm = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getByName("0.0.0.0"), 0), false);
            }
            notifySession = new Snmp(dispatcher, tm);
            notifySession.addCommandResponder(new IgnoreRequests());
            notifySession.listen();
            sender = new NotificationSender(notifySession, config.trapSinks(), users, engineId, upTime, log);
        } catch (IOException | RuntimeException e) {
            log.error("SNMP agent: cannot open a socket for notifications, none will be sent: " + e.getMessage());
        }
    }

    /** Sends {@code n} to every trap sink; returns at once, never throws. */
    public void send(SnmpNotification n) {
        NotificationSender s = sender;
        if (s == null || closed.get()) {
            log.detail("SNMP: no trap sink (or agent stopped), notification " + n.trapOid() + " dropped");
            return;
        }
        s.send(n);
    }

    /** The addresses bound, net-snmp style ({@code udp:127.0.0.1:1161}); empty when none could be. */
    public List<String> listening() {
        return List.copyOf(listening);
    }

    /** snmpEngineID. */
    public byte[] engineId() {
        return engineId.clone();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (TransportMapping<?> tm : transports) {
            try {
                tm.close();
            } catch (IOException e) {
                log.warn("SNMP agent: closing " + tm.getListenAddress() + ": " + e.getMessage());
            }
        }
        if (sender != null) {
            sender.close();
        }
        if (notifySession != null) {
            try {
                notifySession.close();
            } catch (IOException e) {
                log.warn("SNMP agent: closing the notification socket: " + e.getMessage());
            }
        }
        if (workers != null) {
            workers.shutdownNow();
            try {
                workers.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * An RFC 3411 §5 SnmpEngineID: enterprise {@value #PEN} with the high bit set, format 5 (octets), then the
     * first 12 octets of SHA-256 of {@code seed}: stable for one host, distinct between hosts.
     */
    public static byte[] engineIdFor(String seed) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] id = new byte[17];
        id[0] = (byte) 0x80;
        id[1] = 0;
        id[2] = (byte) (PEN >> 8);
        id[3] = (byte) PEN;
        id[4] = 5;
        System.arraycopy(hash, 0, id, 5, 12);
        return id;
    }

    static int engineBoots() {
        long s = System.currentTimeMillis() / 1000 - BOOTS_EPOCH_SECONDS;
        return (int) Math.max(1, Math.min(s, Integer.MAX_VALUE - 1));
    }

    /** sysUpTime: hundredths of a second since the daemon started, so MIB TimeStamp columns compare with it. */
    static TimeTicks upTime(StatusSource status) {
        long nanos = System.nanoTime() - status.current().startedAtNanos();
        return new TimeTicks((Math.max(0, nanos) / 10_000_000L) & 0xFFFFFFFFL);
    }

    static String hostName() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Drops requests reaching the notification socket, freeing what MPv3 keeps for them. */
    private static final class IgnoreRequests implements CommandResponder {
        @Override
        public <A extends Address> void processPdu(CommandResponderEvent<A> e) {
            if (e.getPDU() != null && e.getPDU().isConfirmedPdu()) {
                e.setProcessed(true);
                if (e.getPduHandle() != null) {
                    e.getMessageDispatcher().releaseStateReference(e.getMessageProcessingModel(), e.getPduHandle());
                }
            }
        }
    }

    /** Remembers which peer sent the message being decoded, for the counters' log lines. */
    private static final class PeerTrackingDispatcher extends MessageDispatcherImpl {
        private final CounterLog counterLog;
        private final CounterListener counters;
        private final Log log;

        PeerTrackingDispatcher(CounterLog counterLog, CounterListener counters, Log log) {
            this.counterLog = counterLog;
            this.counters = counters;
            this.log = log;
        }

        @Override
        public <A extends Address> void processMessage(TransportMapping<? super A> sourceTransport,
                                                       A incomingAddress, ByteBuffer wholeMessage,
                                                       TransportStateReference tmStateReference) {
            counterLog.peer(incomingAddress);
            try {
                super.processMessage(sourceTransport, incomingAddress, wholeMessage, tmStateReference);
            } catch (RuntimeException e) { // snmp4j should not throw here; never let it kill the listen thread
                counters.incrementCounter(new CounterEvent(this, org.snmp4j.mp.SnmpConstants.snmpInASNParseErrs));
                log.warn("SNMP: message from " + SnmpAddresses.show(incomingAddress) + " could not be processed: "
                        + e);
            } finally {
                counterLog.peer(null);
            }
        }
    }
}
