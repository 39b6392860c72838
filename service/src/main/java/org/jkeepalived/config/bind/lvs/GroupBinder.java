package org.jkeepalived.config.bind.lvs;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.lvs.IpFamily;
import org.jkeepalived.config.model.lvs.VirtualServerGroup;
import org.jkeepalived.config.model.lvs.VirtualServerGroup.AddressRange;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/**
 * {@code virtual_server_group NAME { IP [PORT]; IP-RANGE [PORT]; fwmark N [inet|inet6] }}. Ranges are
 * {@code a.b.c.d-e} (last byte; last 16-bit group in hex for IPv6), {@code a.b.c.d-e.f.g.h} or a
 * prefix whose host bits are zero. Bad lines are reported and skipped (keepalived 2.2.7's messages).
 */
final class GroupBinder {
    private GroupBinder() {
    }

    static void declare(Syntax root) {
        root.list("virtual_server_group");
    }

    static List<VirtualServerGroup> bind(List<Node> top, BindContext ctx) {
        List<VirtualServerGroup> out = new ArrayList<>();
        for (Node n : top) {
            if (!n.keyword().equals("virtual_server_group")) {
                continue;
            }
            if (!n.hasArg(0)) {
                ctx.error(n, "virtual_server_group is missing its name - skipping");
                continue;
            }
            VirtualServerGroup g = group(n, ctx);
            if (g != null) {
                out.add(g);
            }
        }
        return out;
    }

    private static VirtualServerGroup group(Node n, BindContext ctx) {
        String name = n.arg(0);
        List<AddressRange> ranges = new ArrayList<>();
        List<VirtualServerGroup.Fwmark> fwmarks = new ArrayList<>();
        boolean v4 = false;
        boolean v6 = false;
        boolean fwmarkNoFamily = false;
        for (Node.Item item : n.items()) {
            List<String> w = item.words();
            if (w.get(0).equals("fwmark")) {
                VirtualServerGroup.Fwmark f = fwmark(n, name, item, ctx);
                if (f != null) {
                    fwmarks.add(f);
                    v4 |= f.family() == IpFamily.INET;
                    v6 |= f.family() == IpFamily.INET6;
                    fwmarkNoFamily |= f.family() == null;
                }
                continue;
            }
            AddressRange r = range(n, item, ctx);
            if (r != null) {
                ranges.add(r);
                v4 |= LvsValues.family(r.first()) == IpFamily.INET;
                v6 |= LvsValues.family(r.first()) == IpFamily.INET6;
            }
        }
        if (ranges.isEmpty() && fwmarks.isEmpty()) {
            ctx.error(n, "virtual server group " + name + " has no entries - removing");
            return null;
        }
        if (v4 && v6 && fwmarkNoFamily) {
            ctx.error(n, "virtual server group " + name
                    + " cannot have IPv4, IPv6 and fwmark without family - removing");
            return null;
        }
        return new VirtualServerGroup(name, ranges, fwmarks);
    }

    private static VirtualServerGroup.Fwmark fwmark(Node n, String name, Node.Item item, BindContext ctx) {
        List<String> w = item.words();
        Location at = item.location();
        String mark = w.size() > 1 ? w.get(1) : "";
        Long v = w.size() > 1 ? LvsValues.integer(n, mark, 0, LvsValues.UINT_MAX, ctx) : null;
        if (v == null) {
            ctx.error(at, "(" + name + "): fwmark '" + mark + "' must be in [0, " + LvsValues.UINT_MAX
                    + "] - ignoring");
            return null;
        }
        IpFamily family = null;
        if (w.size() > 2) {
            switch (w.get(2)) {
                case "inet" -> family = IpFamily.INET;
                case "inet6" -> family = IpFamily.INET6;
                default -> {
                    ctx.error(at, "(" + name + "): fwmark '" + v + "' family " + w.get(2) + " unknown - ignoring");
                    return null;
                }
            }
        }
        return new VirtualServerGroup.Fwmark(v, family);
    }

    private static AddressRange range(Node n, Node.Item item, BindContext ctx) {
        List<String> w = item.words();
        Location at = item.location();
        String text = w.get(0);
        String portWord = w.size() > 1 ? w.get(1) : null;
        int port = LvsValues.port(n, portWord, ctx);
        int cut = firstOf(text, '/', '-');
        String startText = cut < 0 ? text : text.substring(0, cut);
        String rest = cut < 0 ? null : text.substring(cut + 1);
        Optional<InetAddress> start = LvsValues.address(startText);
        boolean v6 = start.isPresent() && LvsValues.family(start.get()) == IpFamily.INET6;
        if (start.isEmpty() || port < 0 || cut >= 0 && text.charAt(cut) == '-' && !v6 && rest.indexOf(':') >= 0) {
            ctx.error(at, "Invalid virtual server group IP address " + text + " "
                    + (portWord != null ? "/port/" + portWord : "") + " - skipping");
            return null;
        }
        InetAddress first = start.get();
        if (cut < 0) {
            return new AddressRange(first, first, port);
        }
        if (text.charAt(cut) == '/') {
            return prefix(first, text, rest, port, at, ctx);
        }
        if (rest.indexOf(v6 ? ':' : '.') >= 0) {
            Optional<InetAddress> end = LvsValues.address(rest);
            if (end.isEmpty()) {
                ctx.error(at, "Invalid range end " + text + " - skipping");
                return null;
            }
            if (LvsValues.family(end.get()) != LvsValues.family(first)) {
                ctx.error(at, "Range address families do not match " + text + " - skipping");
                return null;
            }
            if (number(end.get()).compareTo(number(first)) < 0) {
                ctx.error(at, "Address range end is less than address range start - " + text + " - skipping");
                return null;
            }
            return new AddressRange(first, end.get(), port);
        }
        return shortRange(first, text, rest, v6, port, at, ctx);
    }

    /** {@code a.b.c.d-e}: e replaces the last byte (decimal), or the last IPv6 group (hex). */
    private static AddressRange shortRange(InetAddress first, String text, String rest, boolean v6, int port,
                                           Location at, BindContext ctx) {
        int i = 0;
        while (i < rest.length() && Character.digit(rest.charAt(i), v6 ? 16 : 10) >= 0) {
            i++;
        }
        if (i < rest.length()) {
            ctx.error(at, "Virtual server group range '" + text + "' has extra characters at end '"
                    + rest.substring(i) + "'");
            return null;
        }
        long end = i == 0 ? 0 : i > 8 ? Long.MAX_VALUE : Long.parseLong(rest, v6 ? 16 : 10);
        if (end > (v6 ? 0xffff : 0xff)) {
            ctx.error(at, "Virtual server group range '" + text + "' end '" + rest + "' too large");
            return null;
        }
        byte[] b = first.getAddress();
        long startValue = v6 ? ((b[14] & 0xff) << 8) | (b[15] & 0xff) : b[3] & 0xff;
        if (startValue >= end) {
            ctx.error(at, "Address range end is not greater than address range start - " + text + " - skipping");
            return null;
        }
        if (v6) {
            b[14] = (byte) (end >> 8);
            b[15] = (byte) end;
        } else {
            b[3] = (byte) end;
        }
        return new AddressRange(first, address(b), port);
    }

    private static AddressRange prefix(InetAddress first, String text, String len, int port, Location at,
                                       BindContext ctx) {
        int bits = first.getAddress().length * 8;
        int mask = len.matches("\\d{1,3}") ? Integer.parseInt(len) : -1;
        if (mask <= 0 || mask > bits) {
            ctx.error(at, "Invalid netmask - " + text + " - skipping");
            return null;
        }
        BigInteger host = BigInteger.ONE.shiftLeft(bits - mask).subtract(BigInteger.ONE);
        BigInteger start = number(first);
        if (start.and(host).signum() != 0) {
            ctx.error(at, "Address mask bits not empty - " + text + " - skipping");
            return null;
        }
        return new AddressRange(first, address(toBytes(start.or(host), bits / 8)), port);
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static BigInteger number(InetAddress a) {
        return new BigInteger(1, a.getAddress());
    }

    private static byte[] toBytes(BigInteger v, int len) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[len];
        int copy = Math.min(raw.length, len);
        System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
        return out;
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
