package org.jkeepalived.jmx;

/** One {@code vrrp_script}: {@code jkeepalived:type=Script,name=NAME} (KEEPALIVED-MIB vrrpScriptTable). */
public interface ScriptMXBean {

    /** The script block's name. */
    String getName();

    /** The command it runs. */
    String getCommand();

    /** Milliseconds between runs ({@code interval}). */
    long getIntervalMillis();

    /** The default weight its {@code track_script} lines take ({@code weight}). */
    int getWeight();

    /** Whether it has reported a result yet (false while still in keepalived's init state). */
    boolean isKnown();

    /** Its result: true when good (after {@code rise} successes), false when failed (after {@code fall} failures). */
    boolean isUp();

    /** GOOD, BAD or INIT (vrrpScriptResult in words). */
    String getResult();
}
