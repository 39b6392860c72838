package org.jkeepalived.jmx.server;

import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.jmx.ScriptMXBean;
import org.jkeepalived.status.StatusSource;
import org.jkeepalived.status.TrackerStatus;

/** A vrrp_script as an MXBean: its configuration and its last result from the snapshot's trackers. */
final class ScriptBean implements ScriptMXBean {
    static final String KIND = "script";
    private final String name;
    private final StatusSource status;
    private volatile VrrpScript config;

    ScriptBean(VrrpScript config, StatusSource status) {
        this.name = config.name();
        this.config = config;
        this.status = status;
    }

    void configure(VrrpScript c) {
        this.config = c;
    }

    private TrackerStatus now() {
        for (TrackerStatus t : status.current().trackers()) {
            if (KIND.equals(t.kind()) && name.equals(t.name())) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getCommand() {
        return config.script() == null ? "" : EmittingBean.text(config.script().commandLine());
    }

    @Override
    public long getIntervalMillis() {
        return config.intervalMicros() / 1000;
    }

    @Override
    public int getWeight() {
        return config.weight();
    }

    @Override
    public boolean isKnown() {
        TrackerStatus t = now();
        return t != null && t.known();
    }

    @Override
    public boolean isUp() {
        TrackerStatus t = now();
        return t != null && t.known() && t.up();
    }

    @Override
    public String getResult() {
        TrackerStatus t = now();
        return t == null || !t.known() ? "INIT" : t.up() ? "GOOD" : "BAD";
    }
}
