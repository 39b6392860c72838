package org.jkeepalived.snmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jkeepalived.control.FakeManagementCommands;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.snmp.Served;
import org.jkeepalived.status.StatusSnapshot;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

class SnmpWritesTest {
    private static final String K = "1.3.6.1.4.1.9586.100.5.";

    private final StatusSnapshot snap = RichSnapshot.of(MibFixture.rich());
    private final FakeManagementCommands commands = new FakeManagementCommands();
    private final SnmpWrites writes = new SnmpWrites(() -> snap, commands);

    private int set(String oid, org.snmp4j.smi.Variable v) {
        int check = writes.check(new OID(oid), v);
        return check != PDU.noError ? check : writes.commit(new OID(oid), v);
    }

    @Test
    void basePriorityGoesToTheInstanceOfTheRow() {
        assertThat(set(K + "2.3.1.7.2", new Integer32(200))).isEqualTo(PDU.noError);
        assertThat(set(K + "2.3.1.7.4", new Integer32(255))).isEqualTo(PDU.noError);
        assertThat(commands.calls).containsExactly("setBasePriority VI_2 200", "setBasePriority VI_U 255");
    }

    @Test
    void basePriorityRefusesWhatKeepalivedRefuses() {
        assertThat(writes.check(new OID(K + "2.3.1.7.1"), new Integer32(0))).isEqualTo(PDU.wrongValue);
        assertThat(writes.check(new OID(K + "2.3.1.7.1"), new Integer32(256))).isEqualTo(PDU.wrongValue);
        assertThat(writes.check(new OID(K + "2.3.1.7.1"), new Gauge32(100))).isEqualTo(PDU.wrongType);
        assertThat(writes.check(new OID(K + "2.3.1.7.1"), new OctetString("100"))).isEqualTo(PDU.wrongType);
        assertThat(writes.check(new OID(K + "2.3.1.7.5"), new Integer32(100))).isEqualTo(PDU.noCreation);
        assertThat(writes.check(new OID(K + "2.3.1.7.0"), new Integer32(100))).isEqualTo(PDU.noCreation);
        assertThat(writes.check(new OID(K + "2.3.1.7.1.1"), new Integer32(100))).isEqualTo(PDU.noCreation);
        assertThat(writes.check(new OID(K + "2.3.1.7"), new Integer32(100))).isEqualTo(PDU.noCreation);
        assertThat(commands.calls).isEmpty();
    }

    @Test
    void preempt() {
        assertThat(set(K + "2.3.1.13.1", new Integer32(2))).isEqualTo(PDU.noError);
        assertThat(set(K + "2.3.1.13.3", new Integer32(1))).isEqualTo(PDU.noError);
        assertThat(set(K + "2.3.1.13.3", new Integer32(0))).isEqualTo(PDU.wrongValue);
        assertThat(commands.calls).containsExactly("setPreempt VI_1 false", "setPreempt VI_6 true");
    }

    @Test
    void realServerWeightNamesTheServersAsKeepalived() {
        assertThat(set(K + "3.4.1.7.1.3", new Integer32(5))).isEqualTo(PDU.noError);
        assertThat(set(K + "3.4.1.7.4.1", new Integer32(0))).isEqualTo(PDU.noError);
        assertThat(set(K + "3.4.1.7.2.1", new Integer32(65535))).isEqualTo(PDU.noError);
        assertThat(commands.calls).containsExactly("setRealServerWeight [192.0.2.50]:tcp:80 [10.0.0.2]:tcp:80 5",
                "setRealServerWeight [2001:db8::80]:tcp:443 [2001:db8::81]:tcp:443 0",
                "setRealServerWeight FWM 5 [10.0.0.3]:tcp:0 65535");
    }

    @Test
    void realServerWeightRefusals() {
        assertThat(writes.check(new OID(K + "3.4.1.7.1.2"), new Integer32(65536))).isEqualTo(PDU.wrongValue);
        assertThat(writes.check(new OID(K + "3.4.1.7.1.2"), new Integer32(-1))).isEqualTo(PDU.wrongValue);
        assertThat(writes.check(new OID(K + "3.4.1.7.1.1"), new Integer32(1))).as("the sorry server")
                .isEqualTo(PDU.notWritable);
        assertThat(writes.check(new OID(K + "3.4.1.7.1.4"), new Integer32(1))).isEqualTo(PDU.noCreation);
        assertThat(writes.check(new OID(K + "3.4.1.7.9.1"), new Integer32(1))).isEqualTo(PDU.noCreation);
        assertThat(writes.check(new OID(K + "3.4.1.7.1"), new Integer32(1))).isEqualTo(PDU.noCreation);
        assertThat(commands.calls).isEmpty();
    }

    @Test
    void everythingElseIsNotWritable() {
        for (String oid : List.of(K + "2.3.1.2.1", K + "2.3.1.27.1", K + "2.3.1.8.1", K + "3.4.1.6.1.2",
                K + "1.2.0", "1.3.6.1.2.1.68.1.3.1.5.2.51", "1.3.6.1.2.1.68.1.2.0", "1.3.6.1.2.1.1.5.0")) {
            assertThat(writes.check(new OID(oid), new Integer32(1))).as(oid).isEqualTo(PDU.notWritable);
        }
    }

    @Test
    void outcomesMapToErrorStatuses() {
        commands.answer = ManagementCommands.Outcome.NO_SUCH_OBJECT;
        assertThat(set(K + "2.3.1.7.1", new Integer32(100))).isEqualTo(PDU.inconsistentName);
        commands.answer = ManagementCommands.Outcome.UNAVAILABLE;
        assertThat(set(K + "2.3.1.7.1", new Integer32(100))).isEqualTo(PDU.commitFailed);
        commands.answer = ManagementCommands.Outcome.BAD_VALUE;
        assertThat(set(K + "3.4.1.7.1.2", new Integer32(100))).isEqualTo(PDU.wrongValue);
    }

    @Test
    void partsNotServedAreNotWritable() {
        SnmpWrites vrrpOnly = new SnmpWrites(() -> snap, commands, new Served(true, false, false, false, false));
        assertThat(vrrpOnly.check(new OID(K + "3.4.1.7.1.2"), new Integer32(1))).isEqualTo(PDU.notWritable);
        assertThat(vrrpOnly.check(new OID(K + "2.3.1.7.1"), new Integer32(1))).isEqualTo(PDU.noError);
    }

    @Test
    void aRowGoneBeforeCommitFails() {
        StatusSnapshot[] current = {snap};
        SnmpWrites w = new SnmpWrites(() -> current[0], commands);
        OID oid = new OID(K + "2.3.1.7.4");
        assertThat(w.check(oid, new Integer32(10))).isEqualTo(PDU.noError);
        current[0] = StatusSnapshot.empty("x", 0);
        assertThat(w.commit(oid, new Integer32(10))).isEqualTo(PDU.commitFailed);
        assertThat(commands.calls).isEmpty();
    }
}
