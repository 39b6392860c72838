package org.jkeepalived.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.AuthProtocol;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.Community;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.PrivProtocol;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.TrapSink;
import org.jkeepalived.config.model.manage.SnmpAgentConfig.User;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;
import org.snmp4j.Target;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

class SnmpAgentTest {
    static final OID BASE = new OID("1.3.6.1.4.1.9586.100.5");
    static final OID SCALAR = new OID("1.3.6.1.4.1.9586.100.5.1.1.0");
    static final OID TABLE_ENTRY = new OID("1.3.6.1.4.1.9586.100.5.2.3.1");
    static final User RO_V3 = new User("reader", AuthProtocol.SHA_256, "readerAuthPass", PrivProtocol.AES,
            "readerPrivPass", false);
    static final User RW_V3 = new User("writer", AuthProtocol.SHA_256, "writerAuthPass", PrivProtocol.AES,
            "writerPrivPass", true);
    static final User AUTH_ONLY = new User("signer", AuthProtocol.SHA, "signerAuthPass", null, null, false);

    final List<String> logged = new CopyOnWriteArrayList<>();
    final Log log = Log.to((level, detail, message) -> logged.add(level + " " + message));
    final AtomicReference<StatusSnapshot> snapshot =
            new AtomicReference<>(StatusSnapshot.empty("test", System.nanoTime()));
    final AtomicInteger builds = new AtomicInteger();
    final FakeWrites writes = new FakeWrites();
    final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        logged.forEach(l -> System.out.println("log: " + l));
        Collections.reverse(closing);
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    /** {@code rows} rows of {@code columns} columns (values row*100+column) and one scalar. */
    static MibTree tree(int rows, int columns) {
        MibTree.Builder b = MibTree.builder().add(SCALAR, new OctetString("scalar"));
        for (int c = columns; c >= 1; c--) { // added out of order on purpose
            for (int r = rows; r >= 1; r--) {
                b.add(new OID(TABLE_ENTRY).append(c).append(r), new Gauge32(r * 100L + c));
            }
        }
        return b.build();
    }

    SnmpAgent agent(int rows, int columns, List<TrapSink> sinks, String... listen) {
        MibTree tree = tree(rows, columns);
        SnmpAgentConfig config = new SnmpAgentConfig(listen.length == 0 ? List.of("udp:127.0.0.1:0") : List.of(listen),
                List.of(new Community("public", null, false), new Community("private", null, true),
                        new Community("faraway", new IpPrefix(addr("10.0.0.0"), 8), true)),
                List.of(RO_V3, RW_V3, AUTH_ONLY), sinks, true);
        SnmpAgent agent = SnmpAgent.start(config, snapshot::get, s -> {
            builds.incrementAndGet();
            return tree;
        }, writes, "jkeepalived test agent", SnmpAgent.engineIdFor("test-host"), log);
        closing.add(agent);
        return agent;
    }

    SnmpPeer peer() throws Exception {
        SnmpPeer p = new SnmpPeer();
        closing.add(p);
        return p;
    }

    static int port(SnmpAgent agent) {
        return SnmpAddresses.parse(agent.listening().get(0), 0).getPort();
    }

    static InetAddress addr(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void getServesTheTreeAndTheSystemGroup() throws Exception {
        SnmpAgent agent = agent(3, 2, List.of());
        SnmpPeer peer = peer();
        PDU r = peer.request(SnmpPeer.v2c(port(agent), "public", 2000), PDU.GET, SCALAR,
                new OID("1.3.6.1.2.1.1.1.0"), new OID("1.3.6.1.2.1.1.2.0"), new OID("1.3.6.1.2.1.1.3.0"),
                new OID(TABLE_ENTRY).append(2).append(3), new OID(TABLE_ENTRY).append(2).append(9),
                new OID("1.3.6.1.4.1.9586.100.5.9.9"));
        assertThat(r).isNotNull();
        assertThat(r.getErrorStatus()).isZero();
        assertThat(r.get(0).getVariable()).isEqualTo(new OctetString("scalar"));
        assertThat(r.get(1).getVariable()).isEqualTo(new OctetString("jkeepalived test agent"));
        assertThat(r.get(2).getVariable()).isEqualTo(SnmpAgent.SYS_OBJECT_ID);
        assertThat(r.get(3).getVariable()).isInstanceOf(TimeTicks.class);
        assertThat(r.get(4).getVariable()).isEqualTo(new Gauge32(302));
        assertThat(r.get(5).getVariable()).isEqualTo(Null.noSuchInstance);
        assertThat(r.get(6).getVariable()).isEqualTo(Null.noSuchObject);
    }

    @Test
    void getNextFollowsLexicographicOrderToTheEndOfTheMib() throws Exception {
        SnmpAgent agent = agent(12, 3, List.of());
        SnmpPeer peer = peer();
        Target<UdpAddress> t = SnmpPeer.v2c(port(agent), "public", 2000);
        // row 10 sorts after row 9 numerically, not as text; column 1 ends before column 2 begins
        PDU r = peer.request(t, PDU.GETNEXT, new OID(TABLE_ENTRY).append(1).append(9),
                new OID(TABLE_ENTRY).append(1).append(12), BASE, new OID("1.3.6.1.6.3.15.1.1.6.0"));
        assertThat(r.get(0).getOid()).isEqualTo(new OID(TABLE_ENTRY).append(1).append(10));
        assertThat(r.get(1).getOid()).isEqualTo(new OID(TABLE_ENTRY).append(2).append(1));
        assertThat(r.get(2).getOid()).isEqualTo(SCALAR);
        assertThat(r.get(3).getVariable()).isEqualTo(Null.endOfMibView);
    }

    @Test
    void walksByGetNextAndGetBulkReturnTheWholeTreeInOrder() throws Exception {
        SnmpAgent agent = agent(1000, 40, List.of());
        SnmpPeer peer = peer();
        Target<UdpAddress> t = SnmpPeer.v2c(port(agent), "public", 5000);
        List<VariableBinding> expected = tree(1000, 40).all();
        long start = System.nanoTime();
        List<VariableBinding> bulk = peer.walk(t, BASE, 50);
        long bulkMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(bulk).containsExactlyElementsOf(expected);
        List<VariableBinding> small = tree(20, 3).all();
        assertThat(small).hasSize(61);
        assertThat(peer.walk(t, new OID(TABLE_ENTRY).append(40), 0)).hasSize(1000)
                .allSatisfy(vb -> assertThat(vb.getOid().get(TABLE_ENTRY.size())).isEqualTo(40));
        System.out.println("GETBULK walk of " + expected.size() + " instances: " + bulkMillis + " ms");
        assertThat(builds.get()).as("one build per snapshot generation").isEqualTo(1);
    }

    @Test
    void theTreeIsRebuiltOnlyWhenTheSnapshotGenerationChanges() throws Exception {
        SnmpAgent agent = agent(2, 2, List.of());
        SnmpPeer peer = peer();
        Target<UdpAddress> t = SnmpPeer.v2c(port(agent), "public", 2000);
        peer.request(t, PDU.GET, SCALAR);
        peer.request(t, PDU.GET, SCALAR);
        assertThat(builds.get()).isEqualTo(1);
        snapshot.set(new StatusSnapshot(7, System.nanoTime(), snapshot.get().startedAtNanos(), "test", null,
                List.of(), List.of(), List.of(), null, Map.of()));
        peer.request(t, PDU.GET, SCALAR);
        peer.request(t, PDU.GETNEXT, SCALAR);
        assertThat(builds.get()).isEqualTo(2);
    }

    @Test
    void aFailingMibBuilderIsLoggedAndThePreviousTreeServed() throws Exception {
        SnmpAgentConfig config = new SnmpAgentConfig(List.of("udp:127.0.0.1:0"),
                List.of(new Community("public", null, false)), List.of(), List.of(), true);
        SnmpAgent agent = SnmpAgent.start(config, snapshot::get, s -> {
            if (s.generation() == 3) {
                throw new IllegalStateException("row without index");
            }
            return tree(1, 1);
        }, writes, "x", SnmpAgent.engineIdFor("x"), log);
        closing.add(agent);
        SnmpPeer peer = peer();
        Target<UdpAddress> t = SnmpPeer.v2c(port(agent), "public", 2000);
        assertThat(peer.request(t, PDU.GET, SCALAR).get(0).getVariable()).isEqualTo(new OctetString("scalar"));
        snapshot.set(new StatusSnapshot(3, System.nanoTime(), 0, "test", null, List.of(), List.of(), List.of(), null,
                Map.of()));
        assertThat(peer.request(t, PDU.GET, SCALAR).get(0).getVariable()).isEqualTo(new OctetString("scalar"));
        assertThat(logged).anyMatch(l -> l.startsWith("ERROR") && l.contains("generation 3")
                && l.contains("row without index"));
    }

    @Test
    void getBulkLaysOutNonRepeatersThenRoundsOfRepeaters() throws Exception {
        SnmpAgent agent = agent(5, 2, List.of());
        SnmpPeer peer = peer();
        Target<UdpAddress> t = SnmpPeer.v2c(port(agent), "public", 2000);
        PDU req = SnmpPeer.pdu(t, PDU.GETBULK, BASE, new OID(TABLE_ENTRY).append(1), new OID(TABLE_ENTRY).append(2)
                .append(4));
        req.setNonRepeaters(1);
        req.setMaxRepetitions(3);
        PDU r = peer.request(t, req);
        List<OID> oids = r.getVariableBindings().stream().map(VariableBinding::getOid).toList();
        assertThat(oids).containsExactly(SCALAR,
                new OID(TABLE_ENTRY).append(1).append(1), new OID(TABLE_ENTRY).append(2).append(5),
                new OID(TABLE_ENTRY).append(1).append(2), new OID("1.3.6.1.6.3.10.2.1.1.0"),
                new OID(TABLE_ENTRY).append(1).append(3), new OID("1.3.6.1.6.3.10.2.1.2.0"));
    }

    @Test
    void unknownCommunityAndCommunityFromOutsideItsSourceAreNotAnswered() throws Exception {
        SnmpAgent agent = agent(1, 1, List.of());
        SnmpPeer peer = peer();
        assertThat(peer.request(SnmpPeer.v2c(port(agent), "guess", 300), PDU.GET, SCALAR)).isNull();
        assertThat(peer.request(SnmpPeer.v2c(port(agent), "faraway", 300), PDU.GET, SCALAR)).isNull();
        Target<UdpAddress> v1 = SnmpPeer.v2c(port(agent), "public", 300);
        v1.setVersion(SnmpConstants.version1);
        assertThat(peer.request(v1, new PDUv1Get(SCALAR))).as("SNMPv1 is not served").isNull();
        PDU r = peer.request(SnmpPeer.v2c(port(agent), "public", 2000), PDU.GET, SnmpConstants.snmpInBadCommunityNames,
                SnmpConstants.snmpInBadVersions);
        assertThat(r.get(0).getVariable()).isEqualTo(new Counter32(2));
        assertThat(r.get(1).getVariable()).isEqualTo(new Counter32(1));
        assertThat(logged).anyMatch(l -> l.contains("unknown community"))
                .anyMatch(l -> l.contains("unsupported SNMP version"));
    }

    @Test
    void setIsRefusedWithNoAccessForAReadOnlyCommunity() throws Exception {
        SnmpAgent agent = agent(1, 1, List.of());
        SnmpPeer peer = peer();
        Target<UdpAddress> t = SnmpPeer.v2c(port(agent), "public", 2000);
        PDU r = peer.request(t, set(t, SCALAR, new Integer32(5)));
        assertThat(r.getErrorStatus()).isEqualTo(PDU.noAccess);
        assertThat(r.getErrorIndex()).isEqualTo(1);
        assertThat(writes.checked).isEmpty();
    }

    @Test
    void setByAWriteCommunityIsCheckedThenCommitted() throws Exception {
        SnmpAgent agent = agent(1, 1, List.of());
        SnmpPeer peer = peer();
        Target<UdpAddress> t = SnmpPeer.v2c(port(agent), "private", 2000);
        PDU r = peer.request(t, set(t, SCALAR, new Integer32(5), new OID(TABLE_ENTRY).append(1).append(1),
                new Integer32(6)));
        assertThat(r.getErrorStatus()).isZero();
        assertThat(writes.checked).hasSize(2);
        assertThat(writes.committed).containsExactly(SCALAR + "=5", TABLE_ENTRY + ".1.1=6");
        // the system group is not writable, even for rw
        r = peer.request(t, set(t, new OID("1.3.6.1.2.1.1.5.0"), new OctetString("x")));
        assertThat(r.getErrorStatus()).isEqualTo(PDU.notWritable);
    }

    @Test
    void aFailingCheckCommitsNothing() throws Exception {
        SnmpAgent agent = agent(1, 1, List.of());
        SnmpPeer peer = peer();
        Target<UdpAddress> t = SnmpPeer.v2c(port(agent), "private", 2000);
        writes.refuse = PDU.wrongValue;
        PDU r = peer.request(t, set(t, SCALAR, new Integer32(5), new OID(TABLE_ENTRY).append(1).append(1),
                new Integer32(-1)));
        assertThat(r.getErrorStatus()).isEqualTo(PDU.wrongValue);
        assertThat(r.getErrorIndex()).isEqualTo(2);
        assertThat(writes.committed).isEmpty();
    }

    @Test
    void aCommitFailingAfterAnotherSucceededIsUndoFailed() throws Exception {
        SnmpAgent agent = agent(1, 1, List.of());
        SnmpPeer peer = peer();
        Target<UdpAddress> t = SnmpPeer.v2c(port(agent), "private", 2000);
        OID row = new OID(TABLE_ENTRY).append(1).append(1);
        writes.failCommit = row;
        PDU r = peer.request(t, set(t, row, new Integer32(6)));
        assertThat(r.getErrorStatus()).isEqualTo(PDU.commitFailed);
        assertThat(r.getErrorIndex()).isEqualTo(1);
        r = peer.request(t, set(t, SCALAR, new Integer32(5), row, new Integer32(6)));
        assertThat(r.getErrorStatus()).as("MibWrites cannot take back the first").isEqualTo(PDU.undoFailed);
        assertThat(r.getErrorIndex()).isEqualTo(2);
        assertThat(writes.committed).containsExactly(row + "=6", SCALAR + "=5", row + "=6");
    }

    @Test
    void aCommunityWritesOnlyFromTheSourceItsWriteEntryNames() throws Exception {
        SnmpAgentConfig config = new SnmpAgentConfig(List.of("udp:127.0.0.1:0"), List.of(
                new Community("here", null, false), new Community("here", new IpPrefix(addr("127.0.0.0"), 8), true),
                new Community("there", null, false), new Community("there", new IpPrefix(addr("10.0.0.0"), 8), true)),
                List.of(), List.of(), true);
        SnmpAgent agent = SnmpAgent.start(config, snapshot::get, s -> tree(1, 1), writes, "x",
                SnmpAgent.engineIdFor("x"), log);
        closing.add(agent);
        SnmpPeer peer = peer();
        Target<UdpAddress> here = SnmpPeer.v2c(port(agent), "here", 2000);
        assertThat(peer.request(here, set(here, SCALAR, new Integer32(1))).getErrorStatus()).isZero();
        Target<UdpAddress> there = SnmpPeer.v2c(port(agent), "there", 2000);
        assertThat(peer.request(there, PDU.GET, SCALAR).get(0).getVariable()).isEqualTo(new OctetString("scalar"));
        assertThat(peer.request(there, set(there, SCALAR, new Integer32(2))).getErrorStatus())
                .isEqualTo(PDU.noAccess);
        assertThat(writes.committed).containsExactly(SCALAR + "=1");
    }

    @Test
    void theStandardObjectsAreReadOnlyAndNoUserOrAccessTableIsServed() throws Exception {
        SnmpAgent agent = agent(1, 1, List.of());
        SnmpPeer peer = peer();
        Target<UdpAddress> t = SnmpPeer.v2c(port(agent), "private", 2000);
        OID authenTraps = new OID("1.3.6.1.2.1.11.30.0");
        PDU r = peer.request(t, PDU.GET, new OID("1.3.6.1.2.1.1.5.0"), authenTraps);
        assertThat(r.get(0).getVariable().toString()).isEqualTo(SnmpAgent.hostName());
        assertThat(r.get(1).getVariable()).as("disabled: none are sent").isEqualTo(new Integer32(2));
        for (OID oid : List.of(new OID("1.3.6.1.2.1.1.4.0"), authenTraps)) {
            assertThat(peer.request(t, set(t, oid, oid.equals(authenTraps) ? new Integer32(1) : new OctetString("x")))
                    .getErrorStatus()).as("%s", oid).isEqualTo(PDU.notWritable);
        }
        // usmStatsDecryptionErrors is the last object: no usmUserTable, no VACM or community tables
        r = peer.request(t, PDU.GETNEXT, SnmpConstants.usmStatsDecryptionErrors);
        assertThat(r.get(0).getVariable()).isEqualTo(Null.endOfMibView);
        assertThat(writes.checked).isEmpty();
    }

    @Test
    void snmpV3AuthPrivWorksAndAWrongPassphraseDoesNot() throws Exception {
        SnmpAgent agent = agent(2, 2, List.of());
        SnmpPeer peer = peer();
        peer.addUser(RO_V3);
        peer.addUser(RW_V3);
        Target<UdpAddress> reader = SnmpPeer.v3(port(agent), "reader", SecurityLevel.AUTH_PRIV, 2000);
        PDU r = peer.request(reader, PDU.GET, SCALAR);
        assertThat(r.getType()).isEqualTo(PDU.RESPONSE);
        assertThat(r.get(0).getVariable()).isEqualTo(new OctetString("scalar"));
        assertThat(peer.walk(reader, TABLE_ENTRY, 10)).hasSize(4);
        assertThat(peer.request(reader, set(reader, SCALAR, new Integer32(1))).getErrorStatus())
                .isEqualTo(PDU.noAccess);
        Target<UdpAddress> writer = SnmpPeer.v3(port(agent), "writer", SecurityLevel.AUTH_PRIV, 2000);
        assertThat(peer.request(writer, set(writer, SCALAR, new Integer32(1))).getErrorStatus()).isZero();
        assertThat(writes.committed).containsExactly(SCALAR + "=1");
        // the reader below its configured level: authorizationError
        Target<UdpAddress> lower = SnmpPeer.v3(port(agent), "reader", SecurityLevel.AUTH_NOPRIV, 2000);
        assertThat(peer.request(lower, PDU.GET, SCALAR).getErrorStatus()).isEqualTo(PDU.authorizationError);

        SnmpPeer wrong = peer();
        wrong.addUser(new User("reader", AuthProtocol.SHA_256, "not-the-passphrase", PrivProtocol.AES,
                "readerPrivPass", false));
        PDU refused = wrong.request(SnmpPeer.v3(port(agent), "reader", SecurityLevel.AUTH_PRIV, 700), PDU.GET, SCALAR);
        assertThat(refused == null || refused.getType() == PDU.REPORT).as("%s", refused).isTrue();
        PDU stats = peer.request(reader, PDU.GET, SnmpConstants.usmStatsWrongDigests);
        assertThat(stats.get(0).getVariable().toLong()).isPositive();
    }

    @Test
    void notificationsReachEverySinkAsTrapInformAndV3() throws Exception {
        SnmpPeer receiver = peer();
        int p = receiver.port();
        SnmpAgent agent = agent(1, 1, List.of(new TrapSink("udp:127.0.0.1:" + p, "traps", null, false),
                new TrapSink("udp:127.0.0.1:" + p, "informs", null, true),
                new TrapSink("udp:127.0.0.1:" + p, null, "signer", false),
                new TrapSink("udp:127.0.0.1:" + p, null, "signer", true)));
        receiver.addUser(AUTH_ONLY, agent.engineId()); // traps: the agent is authoritative
        receiver.addUser(AUTH_ONLY); // informs: the receiver is, the agent discovers it
        OID trapOid = new OID("1.3.6.1.4.1.9586.100.5.2.0.1");
        VariableBinding extra = new VariableBinding(new OID(TABLE_ENTRY).append(1).append(1), new OctetString("VI_1"));
        agent.send(new SnmpNotification(trapOid, List.of(extra)));
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var e = receiver.next(5000);
            assertThat(e).as("notification %d", i + 1).isNotNull();
            List<VariableBinding> vbs = new ArrayList<>(e.getPDU().getVariableBindings());
            assertThat(vbs.get(0).getOid()).isEqualTo(SnmpConstants.sysUpTime);
            assertThat(vbs.get(0).getVariable()).isInstanceOf(TimeTicks.class);
            assertThat(vbs.get(1)).isEqualTo(new VariableBinding(SnmpConstants.snmpTrapOID, trapOid));
            assertThat(vbs.subList(2, vbs.size())).containsExactly(extra);
            kinds.add(PDU.getTypeString(e.getPDU().getType()) + " " + new String(e.getSecurityName()) + " v"
                    + e.getMessageProcessingModel());
        }
        assertThat(kinds).containsExactlyInAnyOrder("TRAP traps v1", "INFORM informs v1", "TRAP signer v3",
                "INFORM signer v3");
        Thread.sleep(300); // an unacknowledged inform would be logged after its timeout; this one was acked
        assertThat(logged).noneMatch(l -> l.contains("failed"));
    }

    @Test
    void anUnansweredInformIsLoggedOnce() throws Exception {
        int deadPort;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        SnmpAgent agent = agent(1, 1, List.of(new TrapSink("udp:127.0.0.1:" + deadPort, null, null, true)));
        agent.send(new SnmpNotification(new OID("1.3.6.1.4.1.9586.100.5.2.0.1"), List.of()));
        agent.send(new SnmpNotification(new OID("1.3.6.1.4.1.9586.100.5.2.0.1"), List.of()));
        long deadline = System.currentTimeMillis() + 15_000;
        while (logged.stream().noneMatch(l -> l.contains("not acknowledged"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        assertThat(logged.stream().filter(l -> l.contains("not acknowledged"))).hasSize(1);
    }

    @Test
    void garbageDatagramsAreCountedLoggedAndDoNotStopTheAgent() throws Exception {
        SnmpAgent agent = agent(1, 1, List.of());
        Random random = new Random(42);
        try (DatagramSocket s = new DatagramSocket()) {
            for (int i = 0; i < 50; i++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                if (i % 2 == 0) {
                    junk[0] = 0x30; // a SEQUENCE with a nonsense length and body
                }
                s.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), port(agent)));
            }
        }
        SnmpPeer peer = peer();
        PDU r = peer.request(SnmpPeer.v2c(port(agent), "public", 2000), PDU.GET, SCALAR,
                SnmpConstants.snmpInASNParseErrs);
        assertThat(r).isNotNull();
        assertThat(r.get(0).getVariable()).isEqualTo(new OctetString("scalar"));
        assertThat(r.get(1).getVariable().toLong()).isPositive();
        assertThat(logged).anyMatch(l -> l.contains("dropped a message from udp:127.0.0.1:"));
    }

    @Test
    void anAddressInUseIsLoggedAndTheOthersServe() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String busy = "udp:127.0.0.1:" + taken.getLocalPort();
            SnmpAgent agent = agent(1, 1, List.of(), busy, "udp:127.0.0.1:0", "udp6:[::1]:0", "tcp:1.2.3.4:1");
            assertThat(logged).anyMatch(l -> l.startsWith("ERROR") && l.contains("cannot listen on " + busy));
            assertThat(logged).anyMatch(l -> l.contains("only udp: and udp6:"));
            assertThat(agent.listening()).isNotEmpty().noneMatch(a -> a.equals(busy));
            SnmpPeer peer = peer();
            assertThat(peer.request(SnmpPeer.v2c(port(agent), "public", 2000), PDU.GET, SCALAR)).isNotNull();

            SnmpAgent none = agent(1, 1, List.of(), busy);
            assertThat(none.listening()).isEmpty();
            assertThat(logged).anyMatch(l -> l.contains("no listen address could be bound"));
            none.send(new SnmpNotification(SCALAR, List.of()));
        }
    }

    @Test
    void closeStopsServingAndIsIdempotent() throws Exception {
        SnmpAgent agent = agent(1, 1, List.of(new TrapSink("udp:127.0.0.1:9", null, null, false)));
        int port = port(agent);
        SnmpPeer first = peer();
        assertThat(first.request(SnmpPeer.v2c(port, "public", 2000), PDU.GET, SCALAR)).isNotNull();
        assertThat(agentThreads()).isNotEmpty();
        agent.close();
        agent.close();
        assertThat(agentThreads()).isEmpty();
        agent.send(new SnmpNotification(SCALAR, List.of())); // dropped, not thrown
        SnmpPeer peer = peer();
        assertThat(peer.request(SnmpPeer.v2c(port, "public", 300), PDU.GET, SCALAR)).isNull();
    }

    static List<String> agentThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("snmp-worker") || n.equals("snmp-notify")).toList();
    }

    /** An SNMPv1 GetRequest. */
    static final class PDUv1Get extends org.snmp4j.PDUv1 {
        PDUv1Get(OID oid) {
            setType(PDU.GET);
            add(new VariableBinding(oid));
        }
    }

    @Test
    void aFloodIsDroppedAtABoundedQueueAndTheAgentAnswersAfterwards() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        SnmpAgentConfig config = new SnmpAgentConfig(List.of("udp:127.0.0.1:0"),
                List.of(new Community("public", null, false)), List.of(), List.of(), true);
        SnmpAgent agent = SnmpAgent.start(config, snapshot::get, s -> {
            try {
                release.await(); // the MIB builder is stuck: the workers block, the queue fills
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return tree(1, 1);
        }, writes, "flood", SnmpAgent.engineIdFor("flood"), log);
        closing.add(agent);
        PDU get = new PDU();
        get.setType(PDU.GET);
        get.add(new VariableBinding(SCALAR));
        byte[] message = v2cMessage("public", get);
        try (DatagramSocket s = new DatagramSocket()) {
            for (int i = 0; i < 2000; i++) {
                s.send(new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(), port(agent)));
                if (i % 100 == 99) {
                    Thread.sleep(5); // let the listen thread keep up, so the agent (not the kernel) drops
                }
            }
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (logged.stream().noneMatch(l -> l.contains("too many requests"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        release.countDown();
        assertThat(logged).anyMatch(l -> l.contains("too many requests queued"));
        SnmpPeer peer = peer();
        PDU r = peer.request(SnmpPeer.v2c(port(agent), "public", 3000), PDU.GET, SCALAR, SnmpConstants.snmpSilentDrops);
        assertThat(r).isNotNull();
        assertThat(r.get(0).getVariable()).isEqualTo(new OctetString("scalar"));
        assertThat(r.get(1).getVariable().toLong()).as("snmpSilentDrops").isPositive();
    }

    static byte[] v2cMessage(String community, PDU pdu) throws java.io.IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        new Integer32(SnmpConstants.version2c).encodeBER(body);
        new OctetString(community).encodeBER(body);
        pdu.encodeBER(body);
        java.io.ByteArrayOutputStream msg = new java.io.ByteArrayOutputStream();
        org.snmp4j.asn1.BER.encodeHeader(msg, org.snmp4j.asn1.BER.SEQUENCE, body.size());
        body.writeTo(msg);
        return msg.toByteArray();
    }

    static PDU set(Target<?> t, Object... oidValue) {
        PDU pdu = SnmpPeer.pdu(t, PDU.SET);
        for (int i = 0; i < oidValue.length; i += 2) {
            pdu.add(new VariableBinding((OID) oidValue[i], (Variable) oidValue[i + 1]));
        }
        return pdu;
    }

    /** Records checks and commits; refuses values below zero with {@link #refuse} when set, fails commits of
     * {@link #failCommit}. */
    static final class FakeWrites implements MibWrites {
        final List<String> checked = new CopyOnWriteArrayList<>();
        final List<String> committed = new CopyOnWriteArrayList<>();
        volatile int refuse;
        volatile OID failCommit;

        @Override
        public int check(OID oid, Variable value) {
            checked.add(oid + "=" + value);
            return refuse != 0 && value.toLong() < 0 ? refuse : PDU.noError;
        }

        @Override
        public int commit(OID oid, Variable value) {
            committed.add(oid + "=" + value);
            return oid.equals(failCommit) ? PDU.commitFailed : PDU.noError;
        }
    }
}
