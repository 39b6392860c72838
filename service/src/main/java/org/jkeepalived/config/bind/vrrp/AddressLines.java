package org.jkeepalived.config.bind.vrrp;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.IpPrefix;
import org.jkeepalived.config.model.vrrp.VirtualAddress;

/**
 * One line of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress (c.2):
 * {@code ADDR[/LEN] [brd IP|+|-] [dev IF] [use_vmac] [scope S] [label L] [peer IP] [home] [-nodad]
 * [mngtmpaddr] [noprefixroute] [autojoin] [no_track] [preferred_lft N|forever] [track_group G]}.
 * Behaviour observed with keepalived 2.2.7: an unknown word is reported and skipped on its own; a bad
 * scope, peer or preferred_lft is reported and ignored; a missing dev/brd/label value, a bad broadcast or
 * an over-long label drops the address.
 */
final class AddressLines {
    static final int LABEL_MAX = 15;

    private AddressLines() {
    }

    /**
     * Parses {@code words}; {@code defaultDev} applies when no dev is given; {@code isStatic} allows
     * track_group and refuses use_vmac. Returns null when keepalived would drop the address.
     */
    static VirtualAddress parse(List<String> words, Location at, String defaultDev, boolean isStatic,
                                BindContext ctx) {
        String first = words.get(0);
        IpPrefix prefix = prefix(first, at, ctx);
        if (prefix == null) {
            return null;
        }
        String shown = first;
        InetAddress brd = null;
        String brdWord = null;
        String dev = null;
        int scope = 0;
        String label = null;
        InetAddress peer = null;
        boolean home = false;
        boolean noDad = false;
        boolean mngtmpaddr = false;
        boolean noprefixroute = false;
        boolean autojoin = false;
        boolean noTrack = false;
        Long preferredLft = null;
        boolean preferredGiven = false;
        boolean useVmac = false;
        String trackGroup = null;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            boolean hasValue = i + 1 < words.size();
            switch (w) {
                case "dev", "brd", "broadcast", "label", "scope", "peer", "preferred_lft" -> {
                    if (!hasValue) {
                        ctx.error(at, "No " + (w.equals("broadcast") ? "brd" : w) + " parameter specified for " + shown);
                        return null;
                    }
                }
                case "track_group" -> {
                    if (!isStatic) {
                        ctx.error(at, "Unknown configuration entry '" + w + "' for ip address - ignoring");
                        continue;
                    }
                    if (!hasValue) {
                        ctx.error(at, "No track_group parameter specified for " + shown);
                        return null;
                    }
                }
                default -> {
                }
            }
            switch (w) {
                case "dev" -> {
                    if (dev != null) {
                        ctx.error(at, "Cannot specify ipaddress device more than once for " + shown);
                        return null;
                    }
                    dev = words.get(++i);
                    if (!ctx.system().interfaceExists(dev)) {
                        Interfaces.missing(at, "WARNING - interface " + dev + " for ip address " + shown
                                + " doesn't exist", ctx);
                    }
                }
                case "brd", "broadcast" -> {
                    brdWord = words.get(++i);
                    if (!brdWord.equals("+") && !brdWord.equals("-")) {
                        brd = Args.address(brdWord);
                        if (brd == null || brd.getAddress().length != prefix.address().getAddress().length) {
                            ctx.error(at, "VRRP is trying to assign invalid broadcast " + brdWord + ". skipping VIP...");
                            return null;
                        }
                    }
                }
                case "scope" -> {
                    String s = words.get(++i);
                    Long v = IprouteNames.lookup(s, IprouteNames.SCOPES, 255);
                    if (v == null) {
                        ctx.error(at, "Invalid scope '" + s + "' specified for " + shown + " - ignoring");
                    } else {
                        scope = v.intValue();
                    }
                }
                case "label" -> {
                    label = words.get(++i);
                    if (label.length() > LABEL_MAX) {
                        ctx.error(at, "Address label " + label + " is longer than maximum length " + LABEL_MAX
                                + " - removing address");
                        return null;
                    }
                }
                case "peer" -> {
                    String p = words.get(++i);
                    InetAddress a = p.indexOf('/') >= 0 ? null : Args.address(p);
                    if (a == null) {
                        ctx.error(at, "VRRP parsed invalid IP " + p + ". skipping IP...");
                        ctx.error(at, "Invalid peer address " + p);
                    } else {
                        peer = a;
                    }
                }
                case "preferred_lft" -> {
                    String p = words.get(++i);
                    preferredGiven = true;
                    if (p.equals("forever")) {
                        preferredLft = null;
                    } else {
                        Long v = Args.integer(at, p, 0, 0xFFFFFFFFL, ctx);
                        if (v == null) {
                            ctx.error(at, "preferred_lft " + p + " is invalid");
                            preferredGiven = false;
                        } else {
                            preferredLft = v == 0xFFFFFFFFL ? null : v;
                        }
                    }
                }
                case "track_group" -> trackGroup = words.get(++i);
                case "use_vmac" -> {
                    if (isStatic) {
                        ctx.error(at, "Unknown configuration entry '" + w + "' for ip address - ignoring");
                    } else {
                        useVmac = true;
                    }
                }
                case "home" -> home = true;
                case "-nodad" -> noDad = true;
                case "mngtmpaddr" -> mngtmpaddr = true;
                case "noprefixroute" -> noprefixroute = true;
                case "autojoin" -> autojoin = true;
                case "no_track" -> noTrack = true;
                default -> ctx.error(at, "Unknown configuration entry '" + w + "' for ip address - ignoring");
            }
        }
        if (brdWord != null && peer != null) {
            ctx.error(at, "Cannot specify broadcast and peer addresses - ignoring broadcast address");
            brd = null;
        } else if (brdWord != null && brd == null) {
            brd = hostBits(prefix, brdWord.equals("+"), at, ctx);
        }
        // keepalived deprecates IPv6 /128 VIPs (preferred_lft 0) unless told otherwise.
        if (!preferredGiven && !prefix.isIpv4() && prefix.prefixLength() == 128) {
            preferredLft = 0L;
        }
        return new VirtualAddress(prefix, brd, dev == null ? defaultDev : dev, scope, label, peer, home, noDad,
                mngtmpaddr, noprefixroute, autojoin, noTrack, preferredLft, useVmac, trackGroup, words, at);
    }

    /** ADDR[/LEN]: a bad length is reported and replaced by the full width; a bad address drops the line. */
    static IpPrefix prefix(String w, Location at, BindContext ctx) {
        int slash = w.indexOf('/');
        String addr = slash < 0 ? w : w.substring(0, slash);
        InetAddress a = addr.indexOf('%') >= 0 ? null : Args.address(addr);
        if (a == null) {
            ctx.error(at, "VRRP parsed invalid IP " + w + ". skipping IP...");
            return null;
        }
        int max = a instanceof Inet4Address ? 32 : 128;
        int len = max;
        if (slash >= 0) {
            Integer v = Args.intValue(at, w.substring(slash + 1), 0, max, ctx);
            if (v == null) {
                ctx.error(at, "Invalid address prefix len " + w.substring(slash + 1) + " for address " + w
                        + " - using " + max);
            } else {
                len = v;
            }
        }
        return new IpPrefix(a, len);
    }

    /** brd + / brd -: the address with all host bits set or cleared. */
    private static InetAddress hostBits(IpPrefix p, boolean set, Location at, BindContext ctx) {
        int bits = p.address().getAddress().length * 8;
        if (p.prefixLength() >= bits - 1) {
            ctx.error(at, "Address prefix length " + p.prefixLength() + " too long for broadcast");
            return null;
        }
        BigInteger v = new BigInteger(1, p.address().getAddress());
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - p.prefixLength()).subtract(BigInteger.ONE);
        v = set ? v.or(hostMask) : v.andNot(hostMask);
        byte[] raw = v.toByteArray();
        byte[] out = new byte[bits / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
