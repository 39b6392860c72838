package org.jkeepalived.check.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Parses an HTTP response as it arrives: the status line and headers, then the body, which is hashed
 * with MD5 as it streams (keepalived's {@code digest} is the MD5 of the body only, in lower-case hex, as
 * {@code genhash} prints it) and kept, up to a cap, for a {@code regex}. Pure: bytes in, state out.
 */
final class HttpResponseReader {
    /** Headers larger than this are not a web server we want to check. */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final MessageDigest md5;
    private final ByteArrayOutputStream body;
    private final int maxBodyKept;
    private boolean headersDone;
    private int last4;
    private int status = -1;
    private long contentLength = -1;
    private long bodyBytes;
    private String error;

    /** @param maxBodyKept how much of the body to keep for a regex (0: none) */
    HttpResponseReader(int maxBodyKept) {
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
        this.maxBodyKept = maxBodyKept;
        this.body = new ByteArrayOutputStream(maxBodyKept > 0 ? 4096 : 0);
    }

    /** Feeds received bytes (the buffer is consumed). */
    void feed(ByteBuffer data) {
        while (data.hasRemaining() && !headersDone && error == null) {
            byte b = data.get();
            head.write(b);
            last4 = (last4 << 8) | (b & 0xff);
            if (last4 == 0x0d0a0d0a) {
                parseHead(head.toString(StandardCharsets.ISO_8859_1));
            } else if (head.size() > MAX_HEADER_BYTES) {
                error = "headers larger than " + MAX_HEADER_BYTES + " bytes";
            }
        }
        if (headersDone && data.hasRemaining()) {
            int len = data.remaining();
            byte[] chunk = new byte[len];
            data.get(chunk);
            md5.update(chunk);
            bodyBytes += len;
            int keep = Math.min(len, maxBodyKept - body.size());
            if (keep > 0) {
                body.write(chunk, 0, keep);
            }
        }
    }

    private void parseHead(String text) {
        headersDone = true;
        String[] lines = text.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            error = "bad status line";
            return;
        }
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (NumberFormatException e) {
            error = "bad status line";
            return;
        }
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    contentLength = Long.parseLong(lines[i].substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    contentLength = -1;
                }
            }
        }
    }

    /** Headers complete (with {@link #status()} set), or {@link #error()}. */
    boolean headersDone() {
        return headersDone;
    }

    /** True once the whole body announced by Content-Length is in (without it, only end of stream tells). */
    boolean bodyComplete() {
        return headersDone && contentLength >= 0 && bodyBytes >= contentLength;
    }

    boolean receivedAnything() {
        return head.size() > 0;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** The body's MD5 in lower-case hex (call once, at the end). */
    String digestHex() {
        return HexFormat.of().formatHex(md5.digest());
    }

    /** The kept part of the body, as ISO-8859-1 text (byte = char, as a C regex sees it). */
    String bodyText() {
        return body.toString(StandardCharsets.ISO_8859_1);
    }
}
