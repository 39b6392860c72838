package org.jkeepalived.config.bind.lvs;

import java.util.List;
import org.jkeepalived.config.bind.BindContext;
import org.jkeepalived.config.model.lvs.UdpCheck;
import org.jkeepalived.config.syntax.Node;
import org.jkeepalived.config.syntax.Syntax;

/** UDP_CHECK: payload, require_reply, min_reply_length, max_reply_length. */
final class UdpChecker {
    private UdpChecker() {
    }

    static void declare(Syntax rs) {
        rs.block("UDP_CHECK", b -> {
            CheckerKeys.declare(b, true);
            b.leaf("payload").leaf("require_reply").leaf("min_reply_length").leaf("max_reply_length");
        });
    }

    static List<Drafts.Check> read(Node n, CheckerScope s) {
        BindContext ctx = s.ctx();
        Drafts.Check c = NetworkCheckers.common(n, s);
        String payload = null;
        boolean requireReply = false;
        String[] reply = null;
        int min = 0;
        int max = 255;
        for (Node k : n.children()) {
            if (CheckerKeys.read(k, c.timing, c.connection, s.rs().address, ctx)) {
                continue;
            }
            switch (k.keyword()) {
                case "payload" -> {
                    String[] hex = k.args().isEmpty() ? null : hex(k.args(), false);
                    if (k.args().isEmpty()) {
                        ctx.error(k, "UDP_CHECK payload requires a payload");
                    } else if (hex == null) {
                        ctx.error(k, "Invalid hex string for UDP_CHECK payload");
                    } else {
                        payload = hex[0];
                    }
                }
                case "require_reply" -> {
                    String[] hex = k.args().isEmpty() ? new String[] {null, null} : hex(k.args(), true);
                    if (hex == null) {
                        ctx.error(k, "Invalid hex string for UDP_CHECK reply");
                    } else {
                        requireReply = true;
                        reply = hex;
                    }
                }
                case "min_reply_length" -> {
                    Long v = LvsValues.number(k, 0, 0, 65535, ctx,
                            "UDP_CHECK min length " + CheckerKeys.arg(k) + " not valid - must be between 0 & 65535");
                    if (v != null) {
                        min = v.intValue();
                    }
                }
                case "max_reply_length" -> {
                    Long v = LvsValues.number(k, 0, 0, 65535, ctx,
                            "UDP_CHECK max length " + CheckerKeys.arg(k) + " not valid - must be between 0 & 65535");
                    if (v != null) {
                        max = v.intValue();
                    }
                }
                default -> ctx.error(k, "Unknown keyword '" + k.written() + "'");
            }
        }
        if (min > max) {
            ctx.error(n, "UDP_CHECK min_reply length " + min + " > max_reply_length " + max + " - will always fail");
        }
        if (!CheckerKeys.usable(n, c.connection, s.rs().address, ctx)) {
            return List.of();
        }
        String p = payload;
        boolean rr = requireReply;
        String data = reply == null ? null : reply[0];
        String mask = reply == null ? null : reply[1];
        int mn = min;
        int mx = max;
        c.build = (timing, connection) -> new UdpCheck(timing, connection, p, rr, data, mask, mn, mx);
        return List.of(c);
    }

    /**
     * keepalived's free-form hex: each word is read two digits at a time, a lone last digit making a
     * byte of its own ({@code Ab12f 3} is AB 12 0F 03). With {@code wildcards}, X/x is a nibble not
     * compared. Returns {data, mask} in lower-case hex (mask null when everything is compared), or null
     * when a character is not hex.
     */
    static String[] hex(List<String> words, boolean wildcards) {
        StringBuilder data = new StringBuilder();
        StringBuilder mask = new StringBuilder();
        boolean anyWild = false;
        for (String w : words) {
            for (int i = 0; i < w.length(); i += 2) {
                String pair = i + 1 < w.length() ? w.substring(i, i + 2) : "0" + w.charAt(i);
                for (char ch : pair.toCharArray()) {
                    if (wildcards && (ch == 'x' || ch == 'X')) {
                        data.append('0');
                        mask.append('0');
                        anyWild = true;
                    } else if (Character.digit(ch, 16) >= 0) {
                        data.append(Character.toLowerCase(ch));
                        mask.append('f');
                    } else {
                        return null;
                    }
                }
            }
        }
        if (data.length() == 0) {
            return new String[] {null, null};
        }
        return new String[] {data.toString(), anyWild ? mask.toString() : null};
    }
}
