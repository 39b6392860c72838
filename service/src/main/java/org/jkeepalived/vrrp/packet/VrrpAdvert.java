package org.jkeepalived.vrrp.packet;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A VRRP advertisement as it is on the wire (RFC 3768 §5.1 for version 2, RFC 5798/9568 §5.2 for
 * version 3), after the codec has checked everything that depends only on the packet. Checks that
 * depend on the receiving instance (VRID demux, authentication, interval, address list) belong to the
 * state machine.
 *
 * @param version                  2 or 3
 * @param vrid                     Virtual Router ID, 1..255
 * @param priority                 0..255 (0: the master resigns; 255: address owner)
 * @param advertIntervalCentis     v3: Max Adver Int in centiseconds (12 bits); v2: the 8-bit seconds field × 100
 * @param authType                 v2 auth type (0 none, 1 simple text password, 2 IP AH); 0 for v3
 * @param authData                 v2: the 8 authentication bytes (zeros when none); empty for v3
 * @param addresses                the IPvX addresses (Count IPvX Addr of them)
 * @param checksum                 the checksum field as received (or as computed by the encoder)
 */
public record VrrpAdvert(int version, int vrid, int priority, int advertIntervalCentis, int authType,
                         byte[] authData, List<InetAddress> addresses, int checksum) {
    public static final int TYPE_ADVERTISEMENT = 1;

    public VrrpAdvert {
        authData = authData.clone();
        addresses = List.copyOf(addresses);
    }

    @Override
    public byte[] authData() {
        return authData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VrrpAdvert a && version == a.version && vrid == a.vrid && priority == a.priority
                && advertIntervalCentis == a.advertIntervalCentis && authType == a.authType
                && Arrays.equals(authData, a.authData) && addresses.equals(a.addresses) && checksum == a.checksum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, vrid, priority, advertIntervalCentis, authType, Arrays.hashCode(authData),
                addresses, checksum);
    }

    @Override
    public String toString() {
        return "VrrpAdvert[v" + version + " vrid=" + vrid + " prio=" + priority + " int=" + advertIntervalCentis
                + "cs auth=" + authType + " addrs=" + addresses + "]";
    }
}
