package org.jkeepalived.nms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.vrrp.interop.InteropLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** What every NMS-tool test holds: a temp dir, a lab of namespaces, helper processes; all ended after each test. */
abstract class NmsLab {
    @TempDir
    Path dir;
    InteropLab lab;
    final List<Process> processes = new ArrayList<>();

    @AfterEach
    void endLab() {
        processes.forEach(Nms::stop);
        if (lab != null) {
            lab.close();
        }
    }
}
