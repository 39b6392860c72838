package org.jkeepalived.ipvs.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jkeepalived.netlink.NetlinkCodec.Message;

/** Loads the annotated hex fixtures of {@code src/test/resources/ipvs} (see its README.md). */
final class IpvsFixtures {
    static final int FAMILY = 0x20;

    private IpvsFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = IpvsFixtures.class.getResourceAsStream("/ipvs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                int c = line.indexOf('#');
                hex.append((c < 0 ? line : line.substring(0, c)).replaceAll("\\s", ""));
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hex(String name) {
        return HexFormat.of().formatHex(bytes(name));
    }

    static Message message(String name) throws IpvsException {
        return IpvsCodec.split(bytes(name)).get(0);
    }
}
