package org.jkeepalived.snmp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.config.model.manage.SnmpAgentConfig;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.USM;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.TreeEvent;
import org.snmp4j.util.TreeUtils;

/**
 * A snmp4j manager and notification receiver on a loopback ephemeral port, with its own engine (nothing global):
 * the other end of {@link SnmpAgent} in unit tests. Received notifications are answered (informs) and queued.
 */
final class SnmpPeer implements AutoCloseable {
    final Snmp snmp;
    final USM usm;
    final byte[] engineId = MPv3.createLocalEngineID(new OctetString("peer" + System.nanoTime()));
    final BlockingQueue<CommandResponderEvent<?>> received = new LinkedBlockingQueue<>();
    private final DefaultUdpTransportMapping transport;

    SnmpPeer() throws IOException {
        CounterSupport counters = new CounterSupport();
        usm = new USM(UsmUsers.protocols(), new OctetString(engineId), 1, counters);
        MessageDispatcherImpl md = new MessageDispatcherImpl();
        md.addMessageProcessingModel(new org.snmp4j.mp.MPv1());
        md.addMessageProcessingModel(new MPv2c());
        md.addMessageProcessingModel(new MPv3(engineId, null, usm.getSecurityProtocols(),
                SecurityModels.getCollection(new SecurityModel[] {usm}), counters));
        transport = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), 0), false);
        snmp = new Snmp(md, transport);
        snmp.addCommandResponder(new org.snmp4j.CommandResponder() {
            @Override
            public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> e) {
                receive(e);
            }
        });
        snmp.listen();
    }

    private void receive(CommandResponderEvent<?> e) {
        {
            PDU pdu = e.getPDU();
            if (pdu == null || (pdu.getType() != PDU.TRAP && pdu.getType() != PDU.INFORM)) {
                return;
            }
            e.setProcessed(true);
            if (pdu.getType() == PDU.INFORM) {
                PDU ack = (PDU) pdu.clone();
                ack.setType(PDU.RESPONSE);
                ack.setErrorStatus(0);
                ack.setErrorIndex(0);
                try {
                    e.getMessageDispatcher().returnResponsePdu(e.getMessageProcessingModel(), e.getSecurityModel(),
                            e.getSecurityName(), e.getSecurityLevel(), ack, e.getMaxSizeResponsePDU(),
                            e.getStateReference(), new StatusInformation());
                } catch (MessageException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            received.add(e);
        }
    }

    int port() {
        return transport.getListenAddress().getPort();
    }

    /** Knows {@code u} for any engine (a manager discovers the agent's). */
    void addUser(SnmpAgentConfig.User u) {
        usm.addUser(UsmUsers.user(u));
    }

    /** Knows {@code u} as localized for {@code engine} (a trap receiver: the sender is authoritative). */
    void addUser(SnmpAgentConfig.User u, byte[] engine) {
        usm.addUser(AccessControl.octets(u.name()), new OctetString(engine), UsmUsers.user(u));
    }

    static Target<UdpAddress> v2c(int port, String community, long timeoutMs) {
        CommunityTarget<UdpAddress> t = new CommunityTarget<>(new UdpAddress(InetAddress.getLoopbackAddress(), port),
                new OctetString(community));
        t.setVersion(SnmpConstants.version2c);
        t.setTimeout(timeoutMs);
        t.setRetries(0);
        return t;
    }

    static Target<UdpAddress> v3(int port, String user, int level, long timeoutMs) {
        UserTarget<UdpAddress> t = new UserTarget<>();
        t.setAddress(new UdpAddress(InetAddress.getLoopbackAddress(), port));
        t.setSecurityName(new OctetString(user));
        t.setSecurityLevel(level);
        t.setVersion(SnmpConstants.version3);
        t.setTimeout(timeoutMs);
        t.setRetries(1);
        return t;
    }

    static PDU pdu(Target<?> target, int type, OID... oids) {
        PDU pdu = target.getVersion() == SnmpConstants.version3 ? new ScopedPDU() : new PDU();
        pdu.setType(type);
        for (OID oid : oids) {
            pdu.add(new VariableBinding(oid));
        }
        return pdu;
    }

    /** The answer, or null on timeout. */
    PDU request(Target<?> target, PDU pdu) throws IOException {
        ResponseEvent<?> e = snmp.send(pdu, target);
        return e.getResponse();
    }

    PDU request(Target<?> target, int type, OID... oids) throws IOException {
        return request(target, pdu(target, type, oids));
    }

    /** A walk of {@code root} by GETNEXT ({@code bulk} 0) or GETBULK with that max-repetitions. */
    List<VariableBinding> walk(Target<?> target, OID root, int bulk) {
        TreeUtils tree = new TreeUtils(snmp, new DefaultPDUFactory(bulk > 0 ? PDU.GETBULK : PDU.GETNEXT));
        if (bulk > 0) {
            tree.setMaxRepetitions(bulk);
        }
        List<VariableBinding> out = new ArrayList<>();
        for (TreeEvent e : tree.getSubtree(target, root)) {
            if (e.isError()) {
                throw new AssertionError("walk of " + root + " failed: " + e.getErrorMessage());
            }
            out.addAll(List.of(e.getVariableBindings()));
        }
        return out;
    }

    CommandResponderEvent<?> next(long timeoutMs) throws InterruptedException {
        return received.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        snmp.close();
    }
}
