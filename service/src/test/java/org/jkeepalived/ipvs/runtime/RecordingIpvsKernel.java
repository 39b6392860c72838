package org.jkeepalived.ipvs.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jkeepalived.ipvs.kernel.IpvsChange;
import org.jkeepalived.ipvs.kernel.IpvsDestinationEntry;
import org.jkeepalived.ipvs.kernel.IpvsException;
import org.jkeepalived.ipvs.kernel.IpvsInfo;
import org.jkeepalived.ipvs.kernel.IpvsKernel;
import org.jkeepalived.ipvs.kernel.IpvsServiceEntry;
import org.jkeepalived.ipvs.kernel.IpvsServiceKey;
import org.jkeepalived.ipvs.kernel.IpvsSyncDaemon;
import org.jkeepalived.ipvs.kernel.IpvsTimeouts;

/** A kernel (real or fake) that records every change applied through it, and tells {@code onApply} of each. */
final class RecordingIpvsKernel implements IpvsKernel {
    final IpvsKernel k;
    final List<IpvsChange> applied = new CopyOnWriteArrayList<>();
    private final Consumer<IpvsChange> onApply;

    RecordingIpvsKernel(IpvsKernel k) {
        this(k, c -> { });
    }

    RecordingIpvsKernel(IpvsKernel k, Consumer<IpvsChange> onApply) {
        this.k = k;
        this.onApply = onApply;
    }

    @Override
    public IpvsInfo info() throws IpvsException {
        return k.info();
    }

    @Override
    public List<IpvsServiceEntry> services() throws IpvsException {
        return k.services();
    }

    @Override
    public List<IpvsDestinationEntry> destinations(IpvsServiceKey s) throws IpvsException {
        return k.destinations(s);
    }

    @Override
    public List<IpvsChange.Failure> apply(List<IpvsChange> changes) throws IpvsException {
        applied.addAll(changes);
        changes.forEach(onApply);
        return k.apply(changes);
    }

    @Override
    public void flush() throws IpvsException {
        k.flush();
    }

    @Override
    public void zero(IpvsServiceKey s) throws IpvsException {
        k.zero(s);
    }

    @Override
    public IpvsTimeouts timeouts() throws IpvsException {
        return k.timeouts();
    }

    @Override
    public void setTimeouts(IpvsTimeouts t) throws IpvsException {
        k.setTimeouts(t);
    }

    @Override
    public List<IpvsSyncDaemon> syncDaemons() throws IpvsException {
        return k.syncDaemons();
    }

    @Override
    public void startSyncDaemon(IpvsSyncDaemon d) throws IpvsException {
        k.startSyncDaemon(d);
    }

    @Override
    public void stopSyncDaemon(IpvsSyncDaemon.State s) throws IpvsException {
        k.stopSyncDaemon(s);
    }

    @Override
    public void close() {
        k.close();
    }
}
