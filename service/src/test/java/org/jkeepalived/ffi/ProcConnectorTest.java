package org.jkeepalived.ffi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.testsupport.Privileged;
import org.junit.jupiter.api.Test;

/** The proc connector: message layout (pure) and, as root, real fork/exec/comm/exit events. */
class ProcConnectorTest {

    static byte[] message(int what, int... words) {
        int len = ProcConnector.EVENT_DATA + 24;
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.nativeOrder());
        b.putInt(len).putShort((short) 3).putShort((short) 0).putInt(1).putInt(0);
        b.putInt(ProcConnector.CN_IDX_PROC).putInt(1).putInt(0).putInt(0).putShort((short) 40).putShort((short) 0);
        b.putInt(what).putInt(0).putLong(123);
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }

    @Test
    void parsesProcessEventsAndDropsThreads() {
        assertThat(ProcConnector.parse(message(0x1, 10, 10, 20, 20))).containsExactly(new ProcConnector.Fork(10, 20));
        assertThat(ProcConnector.parse(message(0x1, 10, 10, 21, 20))).isEmpty(); // a new thread of 20
        assertThat(ProcConnector.parse(message(0x2, 20, 20))).containsExactly(new ProcConnector.Exec(20));
        byte[] comm = message(0x200, 20, 20, 0x616b6a, 0);
        assertThat(ProcConnector.parse(comm)).containsExactly(new ProcConnector.Comm(20, "jka"));
        assertThat(ProcConnector.parse(message(0x80000000, 20, 20, 0, 17))).containsExactly(new ProcConnector.Exit(20));
        assertThat(ProcConnector.parse(message(0x80000000, 21, 20, 0, 17))).isEmpty();
        assertThat(ProcConnector.parse(new byte[7])).isEmpty();
        assertThat(ProcConnector.listenMessage()).hasSize(40);
    }

    @Test
    void receivesForkExecAndExitOfARealProcess() throws Exception {
        Privileged.require();
        try (ProcConnector c = ProcConnector.open(1 << 20)) {
            Process p = new ProcessBuilder("/bin/sh", "-c", "exec true").start();
            long pid = p.pid();
            p.waitFor();
            List<ProcConnector.Event> mine = new ArrayList<>();
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < deadline && mine.stream().noneMatch(e -> e instanceof ProcConnector.Exit)) {
                for (ProcConnector.Event e : c.receive(200)) {
                    if (e.pid() == pid) {
                        mine.add(e);
                    }
                }
            }
            assertThat(mine).first().isInstanceOf(ProcConnector.Fork.class);
            assertThat(mine).filteredOn(e -> e instanceof ProcConnector.Exec).hasSizeGreaterThanOrEqualTo(1);
            assertThat(mine).last().isEqualTo(new ProcConnector.Exit((int) pid));
        }
    }
}
