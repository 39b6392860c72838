package org.jkeepalived.notify.script;

import org.jkeepalived.config.model.global.GlobalDefs;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.os.process.LinuxScriptRunner;

/** The production runner with default script settings, for the tests that run real scripts on disk. */
public final class RealRunner {
    private RealRunner() {
    }

    public static LinuxScriptRunner create() {
        return new LinuxScriptRunner(GlobalDefs.defaults("localhost").scripts(), Log.to((l, d, m) -> { }));
    }
}
