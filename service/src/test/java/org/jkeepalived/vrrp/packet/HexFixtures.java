package org.jkeepalived.vrrp.packet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Loads the annotated hex fixtures under {@code src/test/resources/packets/}: everything from {@code #} to the
 * end of a line is a comment, whitespace is ignored, the rest is hex (Netty style).
 */
final class HexFixtures {
    private HexFixtures() {
    }

    static byte[] load(String name) {
        try (InputStream in = HexFixtures.class.getResourceAsStream("/packets/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] parse(String text) {
        StringBuilder hex = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int hash = line.indexOf('#');
            hex.append((hash < 0 ? line : line.substring(0, hash)).replaceAll("\\s+", ""));
        }
        return HexFormat.of().parseHex(hex);
    }

    /** Decodes a whole IPv6 packet the way the daemon will: header split into ancillary-data arguments. */
    static DecodeResult decodeIpv6Packet(byte[] p) {
        byte[] payload = Arrays.copyOfRange(p, 40, p.length);
        return VrrpCodec.decodeIpv6(payload, (Inet6Address) VrrpCodec.address(p, 8, 16),
                (Inet6Address) VrrpCodec.address(p, 24, 16), p[7] & 0xff);
    }
}
