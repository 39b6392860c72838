package org.jkeepalived.os;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.UnixDatagramSocket;

/**
 * systemd's {@code Type=notify} protocol (sd_notify(3)): datagrams such as {@code READY=1} to the AF_UNIX
 * socket named by {@code $NOTIFY_SOCKET} ({@code @} prefix = abstract address). Without that variable
 * (not started by systemd) every call does nothing. A failure to notify never stops the daemon: it is
 * reported to the caller as {@code false}.
 */
public final class SystemdNotify {
    private final String socketPath;

    private SystemdNotify(String socketPath) {
        this.socketPath = socketPath;
    }

    public static SystemdNotify fromEnvironment(Map<String, String> env) {
        String s = env.get("NOTIFY_SOCKET");
        return new SystemdNotify(s == null || s.isEmpty() ? null : s);
    }

    public boolean enabled() {
        return socketPath != null;
    }

    /** Start-up finished (or a reload did). */
    public boolean ready(String status) {
        return send("READY=1\nSTATUS=" + status);
    }

    /**
     * A reload begins. MONOTONIC_USEC is what {@code Type=notify-reload} (systemd 253+) requires; System.nanoTime
     * is CLOCK_MONOTONIC on Linux.
     */
    public boolean reloading() {
        return send("RELOADING=1\nMONOTONIC_USEC=" + System.nanoTime() / 1000);
    }

    public boolean stopping() {
        return send("STOPPING=1");
    }

    /** Sends {@code state} as it is; true when it was delivered or there is no systemd to tell. */
    public boolean send(String state) {
        if (socketPath == null) {
            return true;
        }
        byte[] b = state.getBytes(StandardCharsets.UTF_8);
        try (UnixDatagramSocket s = UnixDatagramSocket.open()) {
            s.sendTo(socketPath, b, 0, b.length, true);
            return true;
        } catch (NativeException e) {
            return false;
        }
    }
}
