package org.jkeepalived.ipvs.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Netlink attributes (netlink(7)): a 2-byte length (header included), a 2-byte type, the value, padding to 4.
 * Host byte order except where a value is documented big-endian (ports, IPv4 masks). Parsing is strict:
 * a length that runs past its container, or a value of the wrong size, is an {@link IpvsException} with a reason.
 */
final class NlAttributes {
    private static final int NLA_TYPE_MASK = 0x3fff;

    private final Map<Integer, byte[]> values;
    private final String where;

    private NlAttributes(Map<Integer, byte[]> values, String where) {
        this.values = values;
        this.where = where;
    }

    static int align(int n) {
        return (n + 3) & ~3;
    }

    /** The attributes in {@code b[from, to)}; {@code where} names the container in error messages. */
    static NlAttributes parse(byte[] b, int from, int to, String where) throws IpvsException {
        Map<Integer, byte[]> out = new HashMap<>();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        int pos = from;
        while (pos < to) {
            if (to - pos < 4) {
                throw IpvsException.malformed(where + ": " + (to - pos)
                        + " trailing bytes, too short for an attribute");
            }
            int len = Short.toUnsignedInt(buf.getShort(pos));
            int type = buf.getShort(pos + 2) & NLA_TYPE_MASK;
            if (len < 4 || pos + len > to) {
                throw IpvsException.malformed(where + ": attribute " + type + " at offset " + (pos - from)
                        + " claims " + len + " bytes, " + (to - pos) + " left");
            }
            out.putIfAbsent(type, Arrays.copyOfRange(b, pos + 4, pos + len));
            pos += Math.min(align(len), to - pos);
        }
        return new NlAttributes(out, where);
    }

    boolean has(int type) {
        return values.containsKey(type);
    }

    byte[] bytes(int type) {
        return values.get(type);
    }

    private byte[] sized(int type, String name, int size) throws IpvsException {
        byte[] v = values.get(type);
        if (v == null) {
            throw IpvsException.malformed(where + ": " + name + " missing");
        }
        if (v.length != size) {
            throw IpvsException.malformed(where + ": " + name + " has " + v.length + " bytes, expected " + size);
        }
        return v;
    }

    private static ByteBuffer wrap(byte[] v) {
        return ByteBuffer.wrap(v).order(ByteOrder.nativeOrder());
    }

    int u8(int type, String name) throws IpvsException {
        return sized(type, name, 1)[0] & 0xff;
    }

    int u16(int type, String name) throws IpvsException {
        return Short.toUnsignedInt(wrap(sized(type, name, 2)).getShort());
    }

    int be16(int type, String name) throws IpvsException {
        byte[] v = sized(type, name, 2);
        return ((v[0] & 0xff) << 8) | (v[1] & 0xff);
    }

    int u32(int type, String name) throws IpvsException {
        return wrap(sized(type, name, 4)).getInt();
    }

    /** A counter that is 4 bytes in IPVS_*_ATTR_STATS and 8 in *_STATS64. */
    long counter(int type, String name) throws IpvsException {
        byte[] v = values.get(type);
        if (v != null && v.length == 4) {
            return Integer.toUnsignedLong(wrap(v).getInt());
        }
        return wrap(sized(type, name, 8)).getLong();
    }

    /** A NUL-terminated string of at most {@code maxBytes} bytes before the NUL. */
    String string(int type, String name, int maxBytes) throws IpvsException {
        byte[] v = values.get(type);
        if (v == null) {
            throw IpvsException.malformed(where + ": " + name + " missing");
        }
        int n = 0;
        while (n < v.length && v[n] != 0) {
            n++;
        }
        if (n == v.length) {
            throw IpvsException.malformed(where + ": " + name + " is not NUL-terminated");
        }
        if (n > maxBytes) {
            throw IpvsException.malformed(where + ": " + name + " is " + n + " bytes, at most " + maxBytes);
        }
        return new String(v, 0, n, StandardCharsets.US_ASCII);
    }

    NlAttributes nested(int type, String name) throws IpvsException {
        byte[] v = values.get(type);
        if (v == null) {
            throw IpvsException.malformed(where + ": " + name + " missing");
        }
        return parse(v, 0, v.length, name);
    }

    /** Builds attributes, nested ones included, into a growing buffer. */
    static final class Writer {
        private ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());

        private void room(int n) {
            if (b.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + n))
                        .order(ByteOrder.nativeOrder());
                b.flip();
                bigger.put(b);
                b = bigger;
            }
        }

        Writer raw(byte[] v) {
            room(v.length);
            b.put(v);
            return this;
        }

        Writer attr(int type, byte[] value) {
            int len = 4 + value.length;
            room(align(len));
            b.putShort((short) len).putShort((short) type).put(value);
            b.position(b.position() + align(len) - len);
            return this;
        }

        Writer u8(int type, int v) {
            return attr(type, new byte[] {(byte) v});
        }

        Writer u16(int type, int v) {
            return attr(type, ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) v).array());
        }

        Writer be16(int type, int v) {
            return attr(type, new byte[] {(byte) (v >> 8), (byte) v});
        }

        Writer u32(int type, int v) {
            return attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array());
        }

        Writer string(int type, String s) {
            byte[] a = s.getBytes(StandardCharsets.US_ASCII);
            return attr(type, Arrays.copyOf(a, a.length + 1));
        }

        /** Starts a nested attribute; returns its offset for {@link #end}. */
        int begin(int type) {
            room(4);
            int at = b.position();
            b.putShort((short) 0).putShort((short) type);
            return at;
        }

        Writer end(int at) {
            b.putShort(at, (short) (b.position() - at));
            return this;
        }

        int position() {
            return b.position();
        }

        void putInt(int at, int v) {
            b.putInt(at, v);
        }

        byte[] toArray() {
            return Arrays.copyOf(b.array(), b.position());
        }
    }
}
