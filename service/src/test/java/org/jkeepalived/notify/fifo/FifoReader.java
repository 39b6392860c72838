package org.jkeepalived.notify.fifo;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A daemon thread reading a FIFO's lines until EOF (its writers closed), as a notify_fifo consumer does. */
final class FifoReader {
    private FifoReader() {
    }

    /** Starts reading {@code fifoPath} into {@code into}; an I/O error is added as a line of its own. */
    static Thread start(Path fifoPath, List<String> into) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(fifoPath.toFile()),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    into.add(line);
                }
            } catch (IOException e) {
                into.add("IOException " + e);
            }
        }, "fifo-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
