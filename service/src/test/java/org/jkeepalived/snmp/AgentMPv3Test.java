package org.jkeepalived.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jkeepalived.os.log.Log;
import org.junit.jupiter.api.Test;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.USM;

/** msgIDs stay in RFC 3412's 0..2147483647 whatever snmpEngineBoots is (snmp4j seeds them from it). */
class AgentMPv3Test {
    private static final byte[] ENGINE_ID = {(byte) 0x80, 0, 0x7e, (byte) 0x99, 5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @Test
    void msgIdsArePositiveEvenWhenTheBootsSetBit15() {
        for (int boots : List.of(1, 0x7fff, 0x8000, 0xffff, 0x1_8000, Integer.MAX_VALUE - 1)) {
            USM usm = UsmUsers.usm(ENGINE_ID, boots, new CounterSupport(), List.of(), true, Log.to((l, d, m) -> { }));
            MPv3 agent = new AgentMPv3(ENGINE_ID, usm, new CounterSupport());
            assertThat(agent.getNextMessageID()).as("boots %x", boots).isBetween(0, MPv3.MAX_MESSAGE_ID);
            // what snmp4j alone does for these boots, and what the notification session gets instead
            assertThat(MPv3.randomMsgID(boots) < 0).isEqualTo((boots & 0x8000) != 0);
            MPv3 notify = AgentMPv3.positiveMsgIds(new MPv3(ENGINE_ID, null, usm.getSecurityProtocols(),
                    org.snmp4j.security.SecurityModels.getCollection(new org.snmp4j.security.SecurityModel[] {usm}),
                    new CounterSupport()), boots);
            assertThat(notify.getNextMessageID()).as("boots %x", boots).isBetween(0, MPv3.MAX_MESSAGE_ID);
        }
    }
}
