package org.jkeepalived.check.dns;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the DNS wire format (RFC 1035 section 4) DNS_CHECK needs: a one-question query, and the
 * header, question and answer record types of a reply. Pure: no sockets.
 */
public final class DnsMessage {
    static final int CLASS_IN = 1;
    private static final int FLAG_QR = 0x8000;
    private static final int FLAG_TC = 0x0200;
    private static final int FLAG_RD = 0x0100;
    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 255;
    private static final int MAX_POINTERS = 64;

    private DnsMessage() {
    }

    /**
     * A standard query (opcode 0) with recursion desired, one question {@code name}/{@code type}/IN.
     * {@code name} "." or "" is the root; a trailing dot is optional.
     */
    public static byte[] query(int id, String name, DnsType type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + name.length());
        putShort(out, id);
        putShort(out, FLAG_RD);
        putShort(out, 1); // QDCOUNT
        putShort(out, 0);
        putShort(out, 0);
        putShort(out, 0);
        encodeName(out, name);
        putShort(out, type.code());
        putShort(out, CLASS_IN);
        return out.toByteArray();
    }

    static void encodeName(ByteArrayOutputStream out, String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        int total = 1;
        if (!n.isEmpty()) {
            for (String label : n.split("\\.", -1)) {
                byte[] b = label.getBytes(StandardCharsets.US_ASCII);
                if (b.length == 0 || b.length > MAX_LABEL) {
                    throw new IllegalArgumentException("DNS_CHECK: bad name '" + name + "' (label length "
                            + b.length + ")");
                }
                total += b.length + 1;
                out.write(b.length);
                out.write(b, 0, b.length);
            }
        }
        if (total > MAX_NAME) {
            throw new IllegalArgumentException("DNS_CHECK: name '" + name + "' longer than 255 octets");
        }
        out.write(0);
    }

    private static void putShort(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xff);
        out.write(v & 0xff);
    }

    /**
     * A decoded reply.
     *
     * @param id            the message id
     * @param response      QR is set
     * @param truncated     TC is set
     * @param rcode         the response code (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, ...)
     * @param questionTypes the type of each question
     * @param answerTypes   the type of each answer record
     */
    public record Reply(int id, boolean response, boolean truncated, int rcode, List<Integer> questionTypes,
                        List<Integer> answerTypes) {
    }

    /** Decodes a reply's header, questions and answer types; IllegalArgumentException when malformed. */
    public static Reply decode(ByteBuffer in) {
        ByteBuffer b = in.duplicate();
        try {
            int id = u16(b);
            int flags = u16(b);
            int qd = u16(b);
            int an = u16(b);
            u16(b); // NSCOUNT
            u16(b); // ARCOUNT
            List<Integer> questions = new ArrayList<>(qd);
            for (int i = 0; i < qd; i++) {
                skipName(b);
                questions.add(u16(b));
                u16(b); // class
            }
            List<Integer> answers = new ArrayList<>(an);
            for (int i = 0; i < an; i++) {
                skipName(b);
                answers.add(u16(b));
                u16(b); // class
                b.getInt(); // TTL
                int rdLength = u16(b);
                if (rdLength > b.remaining()) {
                    throw new IllegalArgumentException("answer data past the end");
                }
                b.position(b.position() + rdLength);
            }
            return new Reply(id, (flags & FLAG_QR) != 0, (flags & FLAG_TC) != 0, flags & 0xf, List.copyOf(questions),
                    List.copyOf(answers));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("message too short");
        }
    }

    /** Reads the id of a message, or -1 when it is shorter than a header field. */
    public static int id(ByteBuffer in) {
        return in.remaining() < 2 ? -1 : ((in.get(in.position()) & 0xff) << 8) | (in.get(in.position() + 1) & 0xff);
    }

    /**
     * DNS_CHECK's pass rule for a reply to our query: a response (QR) with NOERROR, echoing our one
     * question, with at least one answer record of the queried type (keepalived fails a reply without
     * answers). Returns null when it passes, else why not.
     */
    public static String judge(Reply r, DnsType type) {
        if (!r.response()) {
            return "QR flag is not set";
        }
        if (r.rcode() != 0) {
            return "RCODE is " + r.rcode() + rcodeName(r.rcode());
        }
        if (r.questionTypes().size() != 1 || r.questionTypes().get(0) != type.code()) {
            return "question section does not match the query";
        }
        if (r.answerTypes().isEmpty()) {
            return "ANCOUNT is zero";
        }
        if (!r.answerTypes().contains(type.code())) {
            return "no " + type + " record in the answer";
        }
        return null;
    }

    private static String rcodeName(int rcode) {
        return switch (rcode) {
            case 1 -> " (FORMERR)";
            case 2 -> " (SERVFAIL)";
            case 3 -> " (NXDOMAIN)";
            case 4 -> " (NOTIMP)";
            case 5 -> " (REFUSED)";
            default -> "";
        };
    }

    private static int u16(ByteBuffer b) {
        return b.getShort() & 0xffff;
    }

    // RFC 1035 4.1.4: a name ends with a zero label or a pointer (top bits 11).
    private static void skipName(ByteBuffer b) {
        for (int n = 0; n < MAX_POINTERS + MAX_NAME; n++) {
            int len = b.get() & 0xff;
            if (len == 0) {
                return;
            }
            if ((len & 0xc0) == 0xc0) {
                b.get();
                return;
            }
            if ((len & 0xc0) != 0) {
                throw new IllegalArgumentException("bad label type " + (len >> 6));
            }
            if (len > b.remaining()) {
                throw new IllegalArgumentException("label past the end");
            }
            b.position(b.position() + len);
        }
        throw new IllegalArgumentException("name too long");
    }
}
