package org.jkeepalived.ipvs.kernel;

/** One service of a dump with its counters. */
public record IpvsServiceEntry(IpvsService service, IpvsStats stats) {
}
