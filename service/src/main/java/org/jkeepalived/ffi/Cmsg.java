package org.jkeepalived.ffi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One ancillary-data item ({@code struct cmsghdr}: size_t len, int level, int type, data padded to
 * 8 bytes on LP64 Linux), and the pure packing and parsing of a control buffer.
 */
public record Cmsg(int level, int type, byte[] data) {
    private static final int HEADER = 16;

    static int align(int n) {
        return (n + 7) & ~7;
    }

    /** The control buffer holding these items, each CMSG_SPACE(len) long. */
    public static byte[] pack(List<Cmsg> items) {
        int size = 0;
        for (Cmsg c : items) {
            size += align(HEADER + c.data.length);
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
        for (Cmsg c : items) {
            int start = b.position();
            b.putLong(HEADER + c.data.length).putInt(c.level).putInt(c.type).put(c.data);
            b.position(start + align(HEADER + c.data.length));
        }
        return b.array();
    }

    /** The items of a received control buffer; a malformed tail is ignored. */
    public static List<Cmsg> parse(byte[] control) {
        List<Cmsg> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(control).order(ByteOrder.nativeOrder());
        int pos = 0;
        while (pos + HEADER <= control.length) {
            long len = b.getLong(pos);
            if (len < HEADER || pos + len > control.length) {
                break;
            }
            byte[] data = new byte[(int) len - HEADER];
            System.arraycopy(control, pos + HEADER, data, 0, data.length);
            out.add(new Cmsg(b.getInt(pos + 8), b.getInt(pos + 12), data));
            pos += align((int) len);
        }
        return out;
    }

    /** The data read as a native-order int (e.g. IP_TTL, IPV6_HOPLIMIT). */
    public int intValue() {
        return ByteBuffer.wrap(data).order(ByteOrder.nativeOrder()).getInt();
    }
}
