package org.jkeepalived.ipvs.kernel;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.netlink.NetlinkCodec.Message;

/**
 * {@link IpvsKernel} over generic netlink in the calling thread's network namespace. {@link #open()} resolves the
 * "IPVS" family first, so a kernel without IPVS is reported once, cleanly, as
 * {@link IpvsException.Kind#NOT_AVAILABLE}. Thread-safe: one request at a time on one socket.
 */
public final class LinuxIpvsKernel implements IpvsKernel {
    private static final int ENOENT = 2;

    private final GenlSocket socket;
    private final int family;

    private LinuxIpvsKernel(GenlSocket socket, int family) {
        this.socket = socket;
        this.family = family;
    }

    /**
     * Opens the socket and resolves the family. The genl controller answers ENOENT when no family is called
     * IPVS (no ip_vs module, or a kernel built without it, as on the dev and CI hosts).
     */
    public static LinuxIpvsKernel open() throws IpvsException {
        GenlSocket s = GenlSocket.open();
        try {
            int seq = s.nextSeq();
            List<Message> r = s.request(IpvsCodec.getFamily(seq), seq, "resolve generic netlink family IPVS");
            if (r.isEmpty()) {
                throw IpvsException.malformed("CTRL_CMD_GETFAMILY: no reply before the ack");
            }
            return new LinuxIpvsKernel(s, IpvsCodec.familyId(r.get(0)));
        } catch (IpvsException e) {
            s.close();
            if (e.kind() == IpvsException.Kind.KERNEL && e.errno() == ENOENT) {
                throw IpvsException.notAvailable("the kernel has no generic netlink family IPVS "
                        + "(ip_vs module not loaded, or not built)");
            }
            throw e;
        }
    }

    /** The family id the controller gave IPVS. */
    public int familyId() {
        return family;
    }

    @Override
    public IpvsInfo info() throws IpvsException {
        int seq = socket.nextSeq();
        return IpvsCodec.info(single(socket.request(IpvsCodec.getInfo(family, seq), seq, "IPVS get info"), "info"),
                family);
    }

    @Override
    public List<IpvsServiceEntry> services() throws IpvsException {
        int seq = socket.nextSeq();
        List<IpvsServiceEntry> out = new ArrayList<>();
        for (Message m : socket.request(IpvsCodec.getServices(family, seq), seq, "IPVS list services")) {
            out.add(IpvsCodec.service(m, family));
        }
        return out;
    }

    @Override
    public List<IpvsDestinationEntry> destinations(IpvsServiceKey service) throws IpvsException {
        int seq = socket.nextSeq();
        List<IpvsDestinationEntry> out = new ArrayList<>();
        String what = "IPVS list destinations of " + service;
        for (Message m : socket.request(IpvsCodec.getDestinations(family, seq, service), seq, what)) {
            out.add(IpvsCodec.destination(m, family, service.addressFamily()));
        }
        return out;
    }

    @Override
    public List<IpvsChange.Failure> apply(List<IpvsChange> changes) throws IpvsException {
        List<byte[]> messages = new ArrayList<>(changes.size());
        int[] seqs = new int[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            seqs[i] = socket.nextSeq();
            messages.add(IpvsChange.encode(changes.get(i), family, seqs[i]));
        }
        int[] errnos = socket.batch(messages, seqs, "IPVS apply " + changes.size() + " changes");
        List<IpvsChange.Failure> failures = new ArrayList<>();
        for (int i = 0; i < errnos.length; i++) {
            if (errnos[i] != 0) {
                IpvsChange c = changes.get(i);
                failures.add(new IpvsChange.Failure(c, IpvsException.kernel("IPVS " + c.describe(), errnos[i])));
            }
        }
        return failures;
    }

    @Override
    public void flush() throws IpvsException {
        int seq = socket.nextSeq();
        socket.request(IpvsCodec.flush(family, seq), seq, "IPVS flush");
    }

    @Override
    public void zero(IpvsServiceKey service) throws IpvsException {
        int seq = socket.nextSeq();
        socket.request(IpvsCodec.zero(family, seq, service), seq, "IPVS zero counters");
    }

    @Override
    public IpvsTimeouts timeouts() throws IpvsException {
        int seq = socket.nextSeq();
        return IpvsCodec.timeouts(single(socket.request(IpvsCodec.getTimeouts(family, seq), seq,
                "IPVS get timeouts"), "timeouts"), family);
    }

    @Override
    public void setTimeouts(IpvsTimeouts t) throws IpvsException {
        int seq = socket.nextSeq();
        socket.request(IpvsCodec.setTimeouts(family, seq, t), seq, "IPVS set timeouts");
    }

    @Override
    public List<IpvsSyncDaemon> syncDaemons() throws IpvsException {
        int seq = socket.nextSeq();
        List<IpvsSyncDaemon> out = new ArrayList<>();
        for (Message m : socket.request(IpvsCodec.getDaemons(family, seq), seq, "IPVS list sync daemons")) {
            out.add(IpvsCodec.daemon(m, family));
        }
        return out;
    }

    @Override
    public void startSyncDaemon(IpvsSyncDaemon d) throws IpvsException {
        int seq = socket.nextSeq();
        socket.request(IpvsCodec.newDaemon(family, seq, d), seq,
                "IPVS start sync daemon " + d.state() + " on " + d.interfaceName());
    }

    @Override
    public void stopSyncDaemon(IpvsSyncDaemon.State state) throws IpvsException {
        int seq = socket.nextSeq();
        socket.request(IpvsCodec.delDaemon(family, seq, state), seq, "IPVS stop sync daemon " + state);
    }

    private static Message single(List<Message> replies, String what) throws IpvsException {
        if (replies.size() != 1) {
            throw IpvsException.malformed(what + ": " + replies.size() + " replies, expected 1");
        }
        return replies.get(0);
    }

    @Override
    public void close() {
        socket.close();
    }
}
