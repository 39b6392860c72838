package org.jkeepalived.jmx;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The ObjectNames of jkeepalived's MXBeans, all in the {@code jkeepalived} domain:
 * <pre>
 * jkeepalived:type=Daemon
 * jkeepalived:type=VrrpInstance,name=VI_1
 * jkeepalived:type=SyncGroup,name=G1
 * jkeepalived:type=VirtualServer,name="[192.0.2.1]:tcp:80"
 * jkeepalived:type=RealServer,virtualServer="[192.0.2.1]:tcp:80",name="[10.0.0.1]:tcp:80"
 * jkeepalived:type=Script,name=chk_haproxy
 * </pre>
 * A name is quoted ({@link ObjectName#quote}) only when it holds a character an ObjectName value cannot hold
 * bare ({@code , = : " * ?} or a line break); keepalived's LVS names always do, because of their colons.
 */
public final class ObjectNames {
    public static final String DOMAIN = "jkeepalived";
    public static final String DAEMON = "Daemon";
    public static final String VRRP_INSTANCE = "VrrpInstance";
    public static final String SYNC_GROUP = "SyncGroup";
    public static final String VIRTUAL_SERVER = "VirtualServer";
    public static final String REAL_SERVER = "RealServer";
    public static final String SCRIPT = "Script";

    /** Every jkeepalived MBean. */
    public static final ObjectName ALL = of(DOMAIN + ":*");

    private ObjectNames() {
    }

    public static ObjectName daemon() {
        return of(DOMAIN + ":type=" + DAEMON);
    }

    public static ObjectName vrrpInstance(String name) {
        return named(VRRP_INSTANCE, name);
    }

    public static ObjectName syncGroup(String name) {
        return named(SYNC_GROUP, name);
    }

    /** @param name keepalived's name of the virtual server, e.g. {@code [192.0.2.1]:tcp:80} */
    public static ObjectName virtualServer(String name) {
        return named(VIRTUAL_SERVER, name);
    }

    /**
     * @param virtualServer keepalived's name of the virtual server
     * @param name          keepalived's name of the real server, e.g. {@code [10.0.0.1]:tcp:80}
     */
    public static ObjectName realServer(String virtualServer, String name) {
        return of(DOMAIN + ":type=" + REAL_SERVER + ",virtualServer=" + value(virtualServer) + ",name=" + value(name));
    }

    public static ObjectName script(String name) {
        return named(SCRIPT, name);
    }

    /** Every MBean of one type, e.g. {@code jkeepalived:type=VrrpInstance,*}. */
    public static ObjectName allOfType(String type) {
        return of(DOMAIN + ":type=" + type + ",*");
    }

    /** A key's value with its quoting undone (the name as keepalived writes it), or null when absent. */
    public static String unquoted(ObjectName name, String key) {
        String v = name.getKeyProperty(key);
        if (v == null || v.isEmpty() || v.charAt(0) != '"') {
            return v;
        }
        return ObjectName.unquote(v);
    }

    private static ObjectName named(String type, String name) {
        return of(DOMAIN + ":type=" + type + ",name=" + value(name));
    }

    /** The name bare when an ObjectName value can hold it, else quoted. */
    static String value(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an MBean name needs a non-empty value");
        }
        for (int i = 0; i < name.length(); i++) {
            switch (name.charAt(i)) {
                case ',', '=', ':', '"', '*', '?', '\n', '\r', '\\' -> {
                    return ObjectName.quote(name);
                }
                default -> {
                }
            }
        }
        return name;
    }

    private static ObjectName of(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not an ObjectName: " + text + " (" + e.getMessage() + ")", e);
        }
    }
}
