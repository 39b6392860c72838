package org.jkeepalived.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.jkeepalived.snmp.mib.KeepalivedOids;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;

/** The agent registers a root for every MIB the tree builders write, JKEEPALIVED-MIB's provisional arc included. */
class SnapshotMibRootsTest {
    @Test
    void everyModuleHasItsRoot() {
        assertThat(SnapshotMib.ROOTS).contains(new OID(KeepalivedOids.KEEPALIVED), new OID(KeepalivedOids.JKEEPALIVED));
        assertThat(KeepalivedOids.TRAP_SPLIT_BRAIN.startsWith(new OID(KeepalivedOids.JKEEPALIVED))).isTrue();
    }
}
