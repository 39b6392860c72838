package org.jkeepalived.ipvs.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jkeepalived.config.model.AddressText;
import org.jkeepalived.ipvs.kernel.IpvsAddressFamily;
import org.jkeepalived.ipvs.kernel.IpvsDestination;
import org.jkeepalived.ipvs.kernel.IpvsDestinationEntry;
import org.jkeepalived.ipvs.kernel.IpvsException;
import org.jkeepalived.ipvs.kernel.IpvsKernel;
import org.jkeepalived.ipvs.kernel.IpvsService;
import org.jkeepalived.ipvs.kernel.IpvsServiceEntry;

/**
 * One canonical text for an IPVS table, made either from {@code ipvsadm -Sn} (the oracle: ipvsadm reads the kernel
 * with its own library) or from an {@link IpvsKernel}'s records (what the daemon meant), so that the two compare
 * line by line. Services and destinations sorted; the flags ipvsadm names per scheduler (sh-port, mh-port, flag-2)
 * are folded to the kernel's bits (sched1..3).
 */
final class IpvsadmTable {
    private IpvsadmTable() {
    }

    /** The canonical table of {@code ipvsadm -Sn}'s output. */
    static List<String> ofSave(String save) {
        TreeSet<String> out = new TreeSet<>();
        for (String line : save.split("\n")) {
            line = line.strip();
            if (line.startsWith("-A ")) {
                out.add(service(line.split("\\s+")));
            } else if (line.startsWith("-a ")) {
                out.add(destination(line.split("\\s+")));
            } else if (!line.isEmpty()) {
                throw new IllegalArgumentException("not an ipvsadm -S line: " + line);
            }
        }
        return new ArrayList<>(out);
    }

    /** The canonical table of what {@code kernel} holds. */
    static List<String> of(IpvsKernel kernel) throws IpvsException {
        TreeSet<String> out = new TreeSet<>();
        for (IpvsServiceEntry e : kernel.services()) {
            IpvsService s = e.service();
            String key = key(s);
            StringBuilder b = new StringBuilder(key).append(" ").append(s.scheduler());
            flags(b, s.flags());
            if (s.persistent()) {
                b.append(" persistent ").append(s.timeoutSeconds()).append(" /").append(s.netmaskPrefixLength());
            }
            if (s.persistenceEngine() != null) {
                b.append(" pe ").append(s.persistenceEngine());
            }
            out.add(b.toString());
            for (IpvsDestinationEntry d : kernel.destinations(s.key())) {
                IpvsDestination dest = d.destination();
                StringBuilder db = new StringBuilder(key).append(" -> ").append(endpoint(dest.address(), dest.port()))
                        .append(" ").append(dest.forwarding().name().toLowerCase(java.util.Locale.ROOT))
                        .append(" w").append(dest.weight());
                if (dest.forwarding() == org.jkeepalived.ipvs.kernel.IpvsForwarding.TUNNEL
                        && dest.tunnelType() != IpvsDestination.TunnelType.IPIP) {
                    db.append(" ").append(dest.tunnelType().name().toLowerCase(java.util.Locale.ROOT));
                    if (dest.tunnelType() == IpvsDestination.TunnelType.GUE) {
                        db.append(":").append(dest.tunnelPort());
                    }
                    db.append(dest.tunnelFlags() == 1 ? " csum" : dest.tunnelFlags() == 2 ? " remcsum" : " nocsum");
                }
                out.add(db.toString());
            }
        }
        return new ArrayList<>(out);
    }

    private static String key(IpvsService s) {
        if (s.key().isFwmark()) {
            return "FWM " + Integer.toUnsignedString(s.key().fwmark())
                    + (s.key().addressFamily() == IpvsAddressFamily.INET6 ? " IPv6" : "");
        }
        return s.key().protocol() + " " + endpoint(s.key().address(), s.key().port());
    }

    private static String endpoint(java.net.InetAddress a, int port) {
        String text = AddressText.of(a);
        return (a instanceof java.net.Inet6Address ? "[" + text + "]" : text) + ":" + port;
    }

    private static void flags(StringBuilder b, int flags) {
        if ((flags & IpvsService.ONE_PACKET) != 0) {
            b.append(" ops");
        }
        if ((flags & IpvsService.SH_FALLBACK) != 0) {
            b.append(" sched1");
        }
        if ((flags & IpvsService.SH_PORT) != 0) {
            b.append(" sched2");
        }
        if ((flags & IpvsService.SCHED3) != 0) {
            b.append(" sched3");
        }
    }

    private static String saveKey(String[] t) {
        boolean v6 = List.of(t).contains("-6");
        for (int i = 0; i < t.length - 1; i++) {
            switch (t[i]) {
                case "-t", "--tcp-service" -> { return "TCP " + t[i + 1]; }
                case "-u", "--udp-service" -> { return "UDP " + t[i + 1]; }
                case "--sctp-service" -> { return "SCTP " + t[i + 1]; }
                case "-f", "--fwmark-service" -> { return "FWM " + t[i + 1] + (v6 ? " IPv6" : ""); }
                default -> { }
            }
        }
        throw new IllegalArgumentException("no service in " + String.join(" ", t));
    }

    private static String value(String[] t, String option) {
        for (int i = 0; i < t.length - 1; i++) {
            if (t[i].equals(option)) {
                return t[i + 1];
            }
        }
        return null;
    }

    private static String service(String[] t) {
        String key = saveKey(t);
        StringBuilder b = new StringBuilder(key).append(" ").append(value(t, "-s"));
        int flags = List.of(t).contains("-o") ? IpvsService.ONE_PACKET : 0;
        String named = value(t, "-b");
        if (named != null) {
            for (String f : named.split(",")) {
                flags |= switch (f) {
                    case "flag-1", "sh-fallback", "mh-fallback" -> IpvsService.SH_FALLBACK;
                    case "flag-2", "sh-port", "mh-port" -> IpvsService.SH_PORT;
                    case "flag-3" -> IpvsService.SCHED3;
                    default -> throw new IllegalArgumentException("scheduler flag " + f);
                };
            }
        }
        flags(b, flags);
        String p = value(t, "-p");
        if (p != null) {
            boolean v6 = key.contains("[") || key.endsWith("IPv6");
            String m = value(t, "-M");
            b.append(" persistent ").append(p).append(" /").append(m == null ? (v6 ? 128 : 32) : prefix(m));
        }
        String pe = value(t, "--pe");
        if (pe != null) {
            b.append(" pe ").append(pe);
        }
        return b.toString();
    }

    private static int prefix(String mask) {
        if (!mask.contains(".")) {
            return Integer.parseInt(mask);
        }
        int bits = 0;
        for (String octet : mask.split("\\.")) {
            bits += Integer.bitCount(Integer.parseInt(octet));
        }
        return bits;
    }

    private static String destination(String[] t) {
        List<String> tokens = List.of(t);
        String method = tokens.contains("-m") ? "masq" : tokens.contains("-i") ? "tunnel" : tokens.contains("-g")
                ? "route" : "unknown";
        StringBuilder b = new StringBuilder(saveKey(t)).append(" -> ").append(value(t, "-r")).append(" ")
                .append(method).append(" w").append(value(t, "-w"));
        String type = value(t, "--tun-type");
        if (type != null && !type.equals("ipip")) {
            b.append(" ").append(type);
            if (type.equals("gue")) {
                b.append(":").append(value(t, "--tun-port"));
            }
            b.append(tokens.contains("--tun-csum") ? " csum" : tokens.contains("--tun-remcsum") ? " remcsum"
                    : " nocsum");
        }
        return b.toString();
    }
}
