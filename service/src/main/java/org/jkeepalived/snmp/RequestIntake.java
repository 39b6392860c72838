package org.jkeepalived.snmp;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.os.log.Log;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.PDU;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OctetString;

/**
 * What the transport thread does with a decoded, authenticated request before snmp4j-agent's
 * {@link CommandProcessor} answers it on a worker: refuses a community unknown or used from outside its
 * {@code source} (RFC 3584 §5.2.1: counted, logged, not answered; here, so a flood of guesses never reaches the
 * queue), and hands the rest to a bounded pool. A full pool drops the request (snmpSilentDrops), so a flood
 * costs a fixed amount of memory. CommandProcessor's own WorkerPool cannot be used for that: its
 * {@code execute} cannot refuse, and a dropped request must free what MPv3 keeps for it, which needs the event
 * its task hides.
 */
final class RequestIntake implements CommandResponder {
    private final CommandProcessor processor;
    private final AccessControl access;
    private final CounterListener counters;
    private final CounterLog counterLog;
    private final ExecutorService workers;
    private final Log log;
    private final RateLimitedLog limited = new RateLimitedLog(TimeUnit.MINUTES.toNanos(1), System::nanoTime);

    RequestIntake(CommandProcessor processor, AccessControl access, CounterListener counters, CounterLog counterLog,
                  ExecutorService workers, Log log) {
        this.processor = processor;
        this.access = access;
        this.counters = counters;
        this.counterLog = counterLog;
        this.workers = workers;
        this.log = log;
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> e) {
        PDU pdu = e.getPDU();
        if (pdu == null) {
            return;
        }
        e.setProcessed(true);
        int type = pdu.getType();
        if (type != PDU.GET && type != PDU.GETNEXT && type != PDU.GETBULK && type != PDU.SET) {
            // a notification or response sent to the agent's port: not ours to answer (RFC 3413 §3.2)
            release(e);
            return;
        }
        if (e.getMessageProcessingModel() == MessageProcessingModel.MPv2c) {
            String refusal = access.refusal(new OctetString(e.getSecurityName()), e.getPeerAddress());
            if (refusal != null) {
                count(SnmpConstants.snmpInBadCommunityNames);
                counterLog.refused(e.getPeerAddress(), refusal, "community");
                release(e);
                return;
            }
        } else if (e.getMessageProcessingModel() != MessageProcessingModel.MPv3) {
            count(SnmpConstants.snmpInBadVersions);
            release(e);
            return;
        }
        try {
            workers.execute(() -> answer(e));
        } catch (RejectedExecutionException full) {
            count(SnmpConstants.snmpSilentDrops);
            limited.log("busy", "SNMP: too many requests queued; dropping requests (last from "
                    + SnmpAddresses.show(e.getPeerAddress()) + ")", log::warn);
            release(e);
        }
    }

    private void answer(CommandResponderEvent<?> e) {
        try {
            processor.processPdu(e);
        } catch (RuntimeException ex) { // a bug, not a bad request: no answer (the manager retries), say where
            limited.log("bug", "SNMP: answering a " + PDU.getTypeString(e.getPDU().getType()) + " from "
                    + SnmpAddresses.show(e.getPeerAddress()) + " failed: " + ex, log::error);
            release(e);
        }
    }

    private void count(org.snmp4j.smi.OID counter) {
        counters.incrementCounter(new CounterEvent(this, counter));
    }

    /** Frees what MPv3 keeps for a request that will not be answered. */
    private static void release(CommandResponderEvent<?> e) {
        if (e.getPduHandle() != null) {
            e.getMessageDispatcher().releaseStateReference(e.getMessageProcessingModel(), e.getPduHandle());
        }
    }
}
