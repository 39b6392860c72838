package org.jkeepalived.net.linux;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jkeepalived.ffi.NativeException;
import org.jkeepalived.ffi.NativeSocket;

/** Interface lookups through ioctl / if_nametoindex, in the calling thread's network namespace. */
public final class LinuxInterfaces {
    static final long SIOCGIFHWADDR = 0x8927;
    private static final int IFREQ_SIZE = 40;

    private LinuxInterfaces() {
    }

    /** The interface index, or 0 when there is no such interface. */
    public static int index(String ifName) {
        return NativeSocket.interfaceIndex(ifName);
    }

    /** The hardware (MAC) address via SIOCGIFHWADDR: ifr_hwaddr.sa_data starts at offset 18. */
    public static byte[] macAddress(String ifName) throws NativeException {
        try (NativeSocket s = NativeSocket.open(NativeSocket.AF_INET, NativeSocket.SOCK_DGRAM, 0, "ioctl")) {
            byte[] ifreq = new byte[IFREQ_SIZE];
            byte[] name = ifName.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, ifreq, 0, Math.min(name.length, 15));
            s.ioctl(SIOCGIFHWADDR, ifreq, "SIOCGIFHWADDR " + ifName);
            return Arrays.copyOfRange(ifreq, 18, 24);
        }
    }
}
