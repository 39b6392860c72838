package org.jkeepalived.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A real TCP server for checkers in its own process (so that its CPU is not the JVM's): python3 listening on
 * 127.0.0.1, accepting and closing every connection, for ever. It prints its port first.
 */
public final class AcceptCloseListener {
    private AcceptCloseListener() {
    }

    /** The listener running, and the port it listens on. */
    public record Running(Process process, int port) {
    }

    /** The command: listen on {@code port} (0: any free port). */
    public static List<String> command(int port) {
        return List.of("python3", "-c", String.join("\n",
                "import socket",
                "s = socket.socket()",
                "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
                "s.bind(('127.0.0.1', " + port + "))",
                "s.listen(4096)",
                "print(s.getsockname()[1], flush=True)",
                "while True:",
                "    c, _ = s.accept()",
                "    c.close()"));
    }

    /** Starts {@code argv} (the command, perhaps behind {@code ip netns exec}) and waits until it listens. */
    public static Running start(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        if (line == null) {
            p.destroyForcibly();
            throw new IOException("the listener did not start: " + String.join(" ", argv));
        }
        return new Running(p, Integer.parseInt(line.trim()));
    }
}
