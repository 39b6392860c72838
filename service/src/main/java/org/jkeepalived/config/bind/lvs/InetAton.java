package org.jkeepalived.config.bind.lvs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv4 numbers in inet_aton's forms (a, a.b, a.b.c, a.b.c.d; decimal, 0x hex or 0 octal parts), which
 * keepalived's numeric getaddrinfo accepts for persistence_granularity (e.g. "64" is 0.0.0.64).
 */
final class InetAton {
    private InetAton() {
    }

    static InetAddress parse(String s) {
        if (s.isEmpty() || s.endsWith(".")) {
            return null;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long p = part(parts[i]);
            if (p == null) {
                return null;
            }
            v[i] = p;
        }
        long value = 0;
        for (int i = 0; i < v.length - 1; i++) {
            if (v[i] > 255) {
                return null;
            }
            value |= v[i] << (24 - 8 * i);
        }
        long last = v[v.length - 1];
        long lastMax = (1L << (8 * (5 - v.length))) - 1;
        if (last > lastMax) {
            return null;
        }
        value |= last;
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Long part(String p) {
        if (!p.matches("[0-9]+|0[xX][0-9a-fA-F]+")) {
            return null;
        }
        try {
            if (p.startsWith("0x") || p.startsWith("0X")) {
                return p.length() == 2 ? null : Long.parseLong(p.substring(2), 16);
            }
            if (p.length() > 1 && p.startsWith("0")) {
                return Long.parseLong(p.substring(1), 8);
            }
            return p.isEmpty() ? null : Long.parseLong(p);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
