package org.jkeepalived.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code addr} and {@code proto} labels of gen2brain/keepalived_exporter's LVS counters, from keepalived's
 * server name ({@code [192.0.2.1]:tcp:80}): {@code addr} is {@code 192.0.2.1:80} ({@code [2001:db8::1]:80} for
 * IPv6, where the exporter's unbracketed form would be ambiguous), {@code proto} the IP protocol number as the
 * exporter writes it (6, 17, 132). A name of another form (a firewall mark {@code FWM 1}, a group
 * {@code [name]:0}) keeps the whole name as {@code addr} and an empty {@code proto}.
 */
record Endpoint(String addr, String proto) {
    private static final Pattern NAME = Pattern.compile("\\[([^\\]]+)\\]:([a-z]+):(\\d+)");

    static Endpoint parse(String keepalivedName) {
        Matcher m = NAME.matcher(keepalivedName);
        if (!m.matches()) {
            return new Endpoint(keepalivedName, "");
        }
        String host = m.group(1);
        String proto = switch (m.group(2)) {
            case "tcp" -> "6";
            case "udp" -> "17";
            case "sctp" -> "132";
            default -> "";
        };
        String addr = host.indexOf(':') >= 0 ? "[" + host + "]:" + m.group(3) : host + ":" + m.group(3);
        return new Endpoint(addr, proto);
    }
}
