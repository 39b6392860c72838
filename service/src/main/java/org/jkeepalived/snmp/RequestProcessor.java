package org.jkeepalived.snmp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.os.log.Log;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * Answers GET, GETNEXT, GETBULK and SET (RFC 3416 §4.2). snmp4j's transport thread decodes, authenticates and
 * decrypts a message and calls {@link #processPdu}; the access decision is made there and the answer is built by
 * a bounded worker pool. A full pool drops the request (snmpSilentDrops): a flood costs a fixed amount of memory
 * and delays nothing outside the agent.
 */
final class RequestProcessor implements CommandResponder {
    /** Most varbinds one GETBULK answer carries, whatever max-repetitions asks (RFC 3416 §4.2.3 local limit). */
    static final int MAX_BULK_VARBINDS = 2048;
    /** Room for the message header around the PDU (community or USM parameters). */
    private static final int HEADER_ROOM = 128;

    private final Access access;
    private final ObjectView view;
    private final MibWrites writes;
    private final AgentCounters counters;
    private final ExecutorService workers;
    private final Log log;
    private final RateLimitedLog limited = new RateLimitedLog(TimeUnit.MINUTES.toNanos(1), System::nanoTime);
    private final Object setLock = new Object();

    RequestProcessor(Access access, ObjectView view, MibWrites writes, AgentCounters counters,
                     ExecutorService workers, Log log) {
        this.access = access;
        this.view = view;
        this.writes = writes;
        this.counters = counters;
        this.workers = workers;
        this.log = log;
    }

    @Override
    public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> e) {
        PDU pdu = e.getPDU();
        if (pdu == null) {
            return;
        }
        int type = pdu.getType();
        if (type != PDU.GET && type != PDU.GETNEXT && type != PDU.GETBULK && type != PDU.SET) {
            // a notification or response sent to the agent's port: not ours to answer (RFC 3413 §3.2)
            release(e);
            e.setProcessed(true);
            return;
        }
        e.setProcessed(true);
        if (pdu instanceof ScopedPDU scoped && scoped.getContextName() != null
                && scoped.getContextName().length() > 0) { // one default context only (RFC 3413 §3.2 step 3)
            counters.increment(LocalObjects.SNMP_UNKNOWN_CONTEXTS, 1);
            release(e);
            return;
        }
        Access.Decision decision = access.decide(e);
        if (decision instanceof Access.Drop) {
            release(e);
            return;
        }
        try {
            workers.execute(() -> answer(e, decision));
        } catch (RejectedExecutionException full) {
            counters.increment(LocalObjects.SNMP_SILENT_DROPS, 1);
            limited.log("busy", "SNMP: too many requests queued; dropping requests (last from "
                    + SnmpAddresses.show(e.getPeerAddress()) + ")", log::warn);
            release(e);
        }
    }

    private void answer(CommandResponderEvent<?> e, Access.Decision decision) {
        PDU request = e.getPDU();
        PDU response = (PDU) request.clone();
        clear(response, request);
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.noError);
        response.setErrorIndex(0);
        int budget = budget(e);
        try {
            if (decision instanceof Access.Unauthorized) {
                response.addAll(request.getVariableBindings());
                response.setErrorStatus(PDU.authorizationError);
            } else {
                Access.Principal who = (Access.Principal) decision;
                ObjectView.View objects = view.current();
                switch (request.getType()) {
                    case PDU.GET -> get(objects, request, response);
                    case PDU.GETNEXT -> getNext(objects, request, response);
                    case PDU.GETBULK -> getBulk(objects, request, response, budget);
                    case PDU.SET -> set(objects, who, request, response);
                    default -> throw new IllegalStateException("PDU type " + request.getType());
                }
            }
        } catch (RuntimeException ex) { // a bug, not a bad request: answer genErr, log where
            log.error("SNMP: answering a " + PDU.getTypeString(request.getType()) + " from "
                    + SnmpAddresses.show(e.getPeerAddress()) + " failed: " + ex);
            clear(response, request);
            response.addAll(request.getVariableBindings());
            response.setErrorStatus(PDU.genErr);
            response.setErrorIndex(0);
        }
        if (response.getBERLength() > budget) { // RFC 3416 §4.2.1: tooBig, no varbinds
            clear(response, request);
            response.setErrorStatus(PDU.tooBig);
            response.setErrorIndex(0);
        }
        try {
            int status = e.getMessageDispatcher().returnResponsePdu(e.getMessageProcessingModel(),
                    e.getSecurityModel(), e.getSecurityName(), e.getSecurityLevel(), response,
                    e.getMaxSizeResponsePDU(), e.getStateReference(), new StatusInformation());
            if (status != SnmpConstants.SNMP_MP_OK) {
                throw new MessageException("snmp4j error " + status + " (max size " + e.getMaxSizeResponsePDU()
                        + ", response " + response.getBERLength() + " bytes)");
            }
        } catch (MessageException | RuntimeException ex) {
            limited.log("send", "SNMP: cannot answer " + SnmpAddresses.show(e.getPeerAddress()) + ": "
                    + ex.getMessage(), log::warn);
            release(e);
        }
    }

    /** Drops the varbinds; PDU.clear() also zeroes the request ID, which the answer must echo. */
    private static void clear(PDU response, PDU request) {
        response.clear();
        response.setRequestID(request.getRequestID());
    }

    /** The largest PDU the manager accepts and the agent sends. */
    private static int budget(CommandResponderEvent<?> e) {
        int max = e.getMaxSizeResponsePDU() > 0 ? e.getMaxSizeResponsePDU() : SnmpAgent.MAX_MESSAGE_SIZE;
        return Math.min(max, SnmpAgent.MAX_MESSAGE_SIZE) - HEADER_ROOM;
    }

    private static void get(ObjectView.View objects, PDU request, PDU response) {
        for (VariableBinding vb : request.getVariableBindings()) {
            response.add(new VariableBinding(vb.getOid(), objects.get(vb.getOid())));
        }
    }

    private static void getNext(ObjectView.View objects, PDU request, PDU response) {
        for (VariableBinding vb : request.getVariableBindings()) {
            response.add(next(objects, vb.getOid()));
        }
    }

    private static VariableBinding next(ObjectView.View objects, OID oid) {
        VariableBinding next = objects.next(oid);
        return next != null ? next : new VariableBinding(oid, Null.endOfMibView);
    }

    /**
     * RFC 3416 §4.2.3: N non-repeaters once, then M rounds over the R repeaters; a full message ends it early
     * (trailing varbinds dropped, never tooBig), as does a round in which every repeater reached the end.
     */
    private static void getBulk(ObjectView.View objects, PDU request, PDU response, int budget) {
        List<? extends VariableBinding> vbs = request.getVariableBindings();
        int n = Math.min(Math.max(0, request.getNonRepeaters()), vbs.size());
        int m = Math.max(0, request.getMaxRepetitions());
        int r = vbs.size() - n;
        int size = response.getBERLength() + 8; // the PDU without varbinds, with room for a longer length
        List<VariableBinding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            VariableBinding vb = next(objects, vbs.get(i).getOid());
            size += vb.getBERLength();
            if (size > budget) {
                response.addAll(out);
                return;
            }
            out.add(vb);
        }
        OID[] cursor = new OID[r];
        for (int j = 0; j < r; j++) {
            cursor[j] = vbs.get(n + j).getOid();
        }
        rounds:
        for (int rep = 0; rep < m && r > 0; rep++) {
            boolean allEnded = true;
            for (int j = 0; j < r; j++) {
                if (out.size() >= MAX_BULK_VARBINDS) {
                    break rounds;
                }
                VariableBinding vb = next(objects, cursor[j]);
                if (!Null.endOfMibView.equals(vb.getVariable())) {
                    allEnded = false;
                    cursor[j] = vb.getOid();
                }
                size += vb.getBERLength();
                if (size > budget) {
                    break rounds;
                }
                out.add(vb);
            }
            if (allEnded) {
                break;
            }
        }
        response.addAll(out);
    }

    /**
     * RFC 3416 §4.2.5: a principal without write access gets noAccess (the instance is outside its write
     * view, RFC 3415 §3.2); otherwise every varbind is checked before any is committed. MibWrites cannot undo,
     * so a commit failing after an earlier one succeeded is undoFailed.
     */
    private void set(ObjectView.View objects, Access.Principal who, PDU request, PDU response) {
        List<? extends VariableBinding> vbs = request.getVariableBindings();
        response.addAll(vbs);
        if (vbs.isEmpty()) {
            return;
        }
        if (!who.write()) {
            fail(response, PDU.noAccess, 1);
            return;
        }
        synchronized (setLock) {
            for (int i = 0; i < vbs.size(); i++) {
                VariableBinding vb = vbs.get(i);
                int status;
                if (objects.isLocal(vb.getOid())) {
                    status = PDU.notWritable;
                } else {
                    status = guarded(() -> writes.check(vb.getOid(), vb.getVariable()), PDU.genErr, "check", vb);
                }
                if (status != PDU.noError) {
                    fail(response, status, i + 1);
                    return;
                }
            }
            for (int i = 0; i < vbs.size(); i++) {
                VariableBinding vb = vbs.get(i);
                int status = guarded(() -> writes.commit(vb.getOid(), vb.getVariable()), PDU.commitFailed,
                        "commit", vb);
                if (status != PDU.noError) {
                    log.warn("SNMP: SET by " + who.name() + " of " + vb + " failed at commit ("
                            + PDU.toErrorStatusText(status) + ")" + (i > 0 ? "; earlier assignments stay" : ""));
                    fail(response, i == 0 ? status : PDU.undoFailed, i + 1);
                    return;
                }
            }
            log.info("SNMP: SET by " + who.name() + ": " + vbs);
        }
    }

    private int guarded(java.util.function.IntSupplier call, int onError, String phase, VariableBinding vb) {
        try {
            return call.getAsInt();
        } catch (RuntimeException ex) {
            log.error("SNMP: SET " + phase + " of " + vb.getOid() + " failed: " + ex);
            return onError;
        }
    }

    private static void fail(PDU response, int status, int index) {
        response.setErrorStatus(status);
        response.setErrorIndex(index);
    }

    /** Frees what MPv3 keeps for a request that will not be answered. */
    private static void release(CommandResponderEvent<?> e) {
        if (e.getPduHandle() != null) {
            e.getMessageDispatcher().releaseStateReference(e.getMessageProcessingModel(), e.getPduHandle());
        }
    }
}
