package org.jkeepalived.ipvs.runtime;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jkeepalived.netlink.AddressManager;
import org.jkeepalived.netlink.InterfaceAddress;
import org.jkeepalived.netlink.NetlinkEvent;
import org.jkeepalived.netlink.NetlinkException;
import org.jkeepalived.netlink.NetlinkMonitor;
import org.jkeepalived.os.log.Log;

/**
 * The host's addresses for {@code ha_suspend}: a dump at start and again after every address event (or a lost
 * one), each handed to {@code sink} as the whole set. One thread, {@code lvs-addresses}.
 */
public final class LocalAddressWatch implements AutoCloseable {
    private static final int POLL_MILLIS = 500;

    private final NetlinkMonitor monitor;
    private final AddressManager addresses;
    private final Consumer<Set<InetAddress>> sink;
    private final Log log;
    private final Thread thread;
    private volatile boolean closed;

    public LocalAddressWatch(NetlinkMonitor monitor, AddressManager addresses, Consumer<Set<InetAddress>> sink,
                             Log log) {
        this.monitor = monitor;
        this.addresses = addresses;
        this.sink = sink;
        this.log = log;
        this.thread = new Thread(this::run, "lvs-addresses");
        this.thread.setDaemon(true);
    }

    public LocalAddressWatch start() {
        thread.start();
        return this;
    }

    private void run() {
        dump();
        while (!closed) {
            try {
                List<NetlinkEvent> events = monitor.poll(POLL_MILLIS);
                if (events.stream().anyMatch(e -> e instanceof NetlinkEvent.AddressAdded
                        || e instanceof NetlinkEvent.AddressRemoved || e instanceof NetlinkEvent.Overrun)) {
                    dump();
                }
            } catch (NetlinkException | RuntimeException e) {
                if (!closed) {
                    log.warn("ha_suspend: address events: " + e.getMessage());
                    sleep();
                }
            }
        }
    }

    private void dump() {
        try {
            Set<InetAddress> now = new HashSet<>();
            for (InterfaceAddress a : addresses.interfaceAddresses()) {
                now.add(a.address());
            }
            sink.accept(now);
        } catch (NetlinkException e) {
            log.warn("ha_suspend: cannot read the host's addresses: " + e.getMessage());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2 * POLL_MILLIS + 500L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        monitor.close();
        addresses.close();
    }
}
