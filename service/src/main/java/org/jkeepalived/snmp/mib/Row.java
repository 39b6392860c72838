package org.jkeepalived.snmp.mib;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.jkeepalived.snmp.MibTree;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * One conceptual row (or a group of scalars, index {@code 0}) being added to a {@link MibTree.Builder}, with one
 * method per SMI type. Absent values (null) add nothing: keepalived returns no instance for an unset optional
 * column, so a walk skips it.
 */
final class Row {
    private static final long U32 = 0xffff_ffffL;

    private final MibTree.Builder b;
    private final int[] entry;
    private final int[] index;

    Row(MibTree.Builder b, int[] entry, int... index) {
        this.b = b;
        this.entry = entry;
        this.index = index;
    }

    /** Scalars under {@code group}: each is group.n.0. */
    static Row scalars(MibTree.Builder b, int[] group) {
        return new Row(b, group, 0);
    }

    Row put(int column, Variable v) {
        if (v != null) {
            b.add(KeepalivedOids.column(entry, column, index), v);
        }
        return this;
    }

    /** Integer32 and every INTEGER enumeration / TruthValue / InetAddressType. */
    Row i32(int column, long v) {
        return put(column, new Integer32((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v))));
    }

    /** Unsigned32 (and InetPortNumber, InetAddressPrefixLength): clamped to 0..2^32-1. */
    Row u32(int column, long v) {
        return put(column, new UnsignedInteger32(Math.max(0, Math.min(U32, v))));
    }

    /** Gauge32 latches at its maximum (RFC 2578 §7.1.7). */
    Row gauge(int column, long v) {
        return put(column, new Gauge32(Math.max(0, Math.min(U32, v))));
    }

    /** Counter32 wraps (RFC 2578 §7.1.6): the low 32 bits of the kernel's 64-bit counter. */
    Row c32(int column, long v) {
        return put(column, new Counter32(v & U32));
    }

    Row c64(int column, long v) {
        return put(column, new Counter64(v));
    }

    Row ticks(int column, long centis) {
        return put(column, new TimeTicks(Math.max(0, Math.min(U32, centis))));
    }

    /** DisplayString; null adds nothing. */
    Row str(int column, String s) {
        return s == null ? this : put(column, new OctetString(s.getBytes(StandardCharsets.UTF_8)));
    }

    Row bytes(int column, byte[] v) {
        return v == null ? this : put(column, new OctetString(v));
    }

    /** InetAddress: 4 or 16 octets; null adds nothing. */
    Row inet(int column, InetAddress a) {
        return a == null ? this : put(column, new OctetString(a.getAddress()));
    }

    /** IpAddress (IPv4 only); null or IPv6 adds nothing. */
    Row ip(int column, InetAddress a) {
        return a instanceof Inet4Address ? put(column, new IpAddress(a)) : this;
    }

    /** TruthValue: true(1), false(2). */
    Row truth(int column, boolean v) {
        return i32(column, v ? 1 : 2);
    }

    /** keepalived's INTEGER { enabled(1), disabled(2) } (and tracked/notTracked, preempt/noPreempt, ...). */
    Row enabled(int column, boolean v) {
        return i32(column, v ? 1 : 2);
    }

    /** InetAddressType ipv4(1) / ipv6(2). */
    static int addrType(InetAddress a) {
        return a instanceof Inet4Address ? 1 : 2;
    }
}
