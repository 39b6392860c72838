package org.jkeepalived.check;

import org.jkeepalived.config.model.lvs.Checker;
import org.jkeepalived.config.model.lvs.RealServer;

/** Makes the probe of one timed checker of a real server (the daemon maps each checker kind to its probe). */
@FunctionalInterface
public interface ProbeFactory {
    /** The probe, or null when this kind has none (the runner then logs it and leaves the checker as it started). */
    Probe create(RealServer realServer, Checker.TimedChecker checker);
}
