package org.jkeepalived.netlink.linux;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.netlink.AddressManager;
import org.jkeepalived.netlink.AddressSpec;
import org.jkeepalived.netlink.InterfaceAddress;
import org.jkeepalived.netlink.Link;
import org.jkeepalived.netlink.NetlinkCodec;
import org.jkeepalived.netlink.NetlinkException;

/** {@link AddressManager} over one rtnetlink request socket, in the namespace it was opened in. */
public final class RtnetlinkAddressManager implements AddressManager {
    private final RtnetlinkSocket socket;

    private RtnetlinkAddressManager(RtnetlinkSocket socket) {
        this.socket = socket;
    }

    public static RtnetlinkAddressManager open() throws NetlinkException {
        return new RtnetlinkAddressManager(RtnetlinkSocket.open(0, 0));
    }

    @Override
    public void add(AddressSpec address) throws NetlinkException {
        int seq = socket.nextSeq();
        socket.request(NetlinkCodec.address(true, seq, address), seq, "RTM_NEWADDR " + describe(address));
    }

    @Override
    public void remove(AddressSpec address) throws NetlinkException {
        int seq = socket.nextSeq();
        socket.request(NetlinkCodec.address(false, seq, address), seq, "RTM_DELADDR " + describe(address));
    }

    @Override
    public List<Link> links() throws NetlinkException {
        int seq = socket.nextSeq();
        List<Link> out = new ArrayList<>();
        for (NetlinkCodec.Message m : socket.request(NetlinkCodec.getLinks(seq), seq, "RTM_GETLINK")) {
            Link l = NetlinkCodec.link(m);
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    @Override
    public List<InterfaceAddress> interfaceAddresses() throws NetlinkException {
        int seq = socket.nextSeq();
        List<InterfaceAddress> out = new ArrayList<>();
        for (NetlinkCodec.Message m : socket.request(NetlinkCodec.getAddresses(seq), seq, "RTM_GETADDR")) {
            InterfaceAddress a = NetlinkCodec.interfaceAddress(m);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private static String describe(AddressSpec a) {
        return a.address().getHostAddress() + "/" + a.prefixLength() + " ifindex " + a.ifIndex();
    }

    @Override
    public void close() {
        socket.close();
    }
}
