package org.jkeepalived.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jkeepalived.check.http.HttpProbe;
import org.jkeepalived.config.model.lvs.CheckerConnection;
import org.jkeepalived.config.model.lvs.CheckerTiming;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.TcpCheck;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.testsupport.Await;
import org.junit.jupiter.api.Test;

/** The runner with the real TCP probe against a loopback listener that stops and comes back. */
class CheckerRunnerLoopbackTest {

    @Test
    void aListenerThatStopsTakesTheRealServerDownAndBackUp() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(loopback, 0), 50);
        int port = listener.getLocalPort();
        List<CheckerStateChanged<String>> events = new CopyOnWriteArrayList<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        var timing = new CheckerTiming(50_000, 0, 1, 20_000, false, false);
        var check = new TcpCheck(timing, new CheckerConnection(loopback, 0, null, 0, null, 0, 500_000));
        var rs = new RealServer(loopback, port, 1, null, 0, 0, false, false, null, null, false, null, null,
                List.of(check));
        try (NetworkProbes probes = new NetworkProbes(SocketReactor.start("loopback-test"),
                HttpProbe.trustAllContext(), (r, c) -> null);
             CheckerRunner<String> runner = CheckerRunner.start(probes, events::add,
                     Log.to((level, detail, message) -> lines.add(message)))) {
            runner.add("rs", rs);
            Await.await("first success", 5_000, () -> lines.contains("TCP connection to [127.0.0.1]:tcp:" + port
                    + " success."));
            assertThat(events).isEmpty();

            listener.close();
            Await.await("down", 5_000, () -> events.size() == 1);
            assertThat(events.get(0).realServerUp()).isFalse();
            assertThat(events.get(0).reason()).isEqualTo("TCP connection to [127.0.0.1]:tcp:" + port + " failed");
            assertThat(lines).contains("TCP_CHECK on service [127.0.0.1]:tcp:" + port + " failed after 1 retries.");

            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(loopback, port), 50);
            Await.await("up", 5_000, () -> events.size() == 2);
            assertThat(events.get(1).realServerUp()).isTrue();
            assertThat(events.get(1).realServerChanged()).isTrue();
        } finally {
            listener.close();
        }
    }
}
