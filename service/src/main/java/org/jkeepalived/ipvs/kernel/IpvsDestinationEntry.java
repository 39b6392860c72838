package org.jkeepalived.ipvs.kernel;

/** One destination of a dump with its connection counts and counters. */
public record IpvsDestinationEntry(IpvsDestination destination, int activeConns, int inactiveConns,
                                   int persistentConns, IpvsStats stats) {
}
