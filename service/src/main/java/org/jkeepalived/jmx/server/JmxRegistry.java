package org.jkeepalived.jmx.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jkeepalived.config.model.KeepalivedConfig;
import org.jkeepalived.config.model.lvs.RealServer;
import org.jkeepalived.config.model.lvs.VirtualServer;
import org.jkeepalived.config.model.track.VrrpScript;
import org.jkeepalived.config.model.vrrp.SyncGroup;
import org.jkeepalived.config.model.vrrp.VrrpInstance;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.ipvs.sync.VirtualServers;
import org.jkeepalived.jmx.ObjectNames;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSource;

/**
 * Keeps one MXBean registered per configured object: the daemon, every vrrp_instance, vrrp_sync_group,
 * virtual_server, real server (and sorry server) and vrrp_script of the running configuration. {@link #sync()}
 * after each configuration (start and every reload) registers what is new, refreshes what stayed (a kept bean
 * keeps its listeners, so a reload does not cut JConsole's subscriptions) and unregisters what went away.
 */
public final class JmxRegistry implements AutoCloseable {
    private final MBeanServer server;
    private final StatusSource status;
    private final ManagementCommands commands;
    private final Log log;
    private final DaemonBean daemon;
    private final Map<ObjectName, Object> beans = new ConcurrentHashMap<>();
    private boolean closed;

    /**
     * @param configFile the configuration file shown as the Daemon's ConfigFile, or null when not known
     */
    public JmxRegistry(MBeanServer server, StatusSource status, ManagementCommands commands, Log log,
                       String configFile) {
        this.server = Objects.requireNonNull(server, "server");
        this.status = Objects.requireNonNull(status, "status");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.log = Objects.requireNonNull(log, "log");
        this.daemon = new DaemonBean(status, commands, configFile);
    }

    public MBeanServer server() {
        return server;
    }

    /** Registers, refreshes and unregisters MBeans to match the latest snapshot's configuration. */
    public synchronized void sync() {
        if (closed) {
            return;
        }
        if (!beans.containsKey(daemon.objectName()) && register(daemon.objectName(), daemon)) {
            beans.put(daemon.objectName(), daemon);
        }
        Map<ObjectName, Object> wanted;
        try {
            wanted = wanted(status.current().config());
        } catch (RuntimeException e) {
            // A name no ObjectName can carry must not cost the daemon its other MBeans (or its start).
            log.error("JMX: cannot name the configuration's MBeans: " + e.getMessage() + "; keeping the previous set");
            return;
        }
        for (ObjectName name : new ArrayList<>(beans.keySet())) {
            if (!name.equals(daemon.objectName()) && !wanted.containsKey(name)) {
                unregister(name);
                beans.remove(name);
            }
        }
        for (Map.Entry<ObjectName, Object> e : wanted.entrySet()) {
            Object kept = beans.get(e.getKey());
            if (kept != null) {
                refresh(kept, e.getValue());
            } else {
                Object bean = create(e.getValue());
                if (register(e.getKey(), bean)) {
                    beans.put(e.getKey(), bean);
                }
            }
        }
    }

    /** The configured objects by the name their MBean takes: each a config record or a {@link RealServerSpec}. */
    private static Map<ObjectName, Object> wanted(KeepalivedConfig config) {
        Map<ObjectName, Object> out = new LinkedHashMap<>();
        if (config == null) {
            return out;
        }
        for (VrrpInstance i : config.vrrp().instances()) {
            out.putIfAbsent(ObjectNames.vrrpInstance(i.name()), i);
        }
        for (SyncGroup g : config.vrrp().syncGroups()) {
            out.putIfAbsent(ObjectNames.syncGroup(g.name()), g);
        }
        for (VirtualServer vs : config.lvs().virtualServers()) {
            String vsName = VirtualServers.name(vs);
            List<RealServerSpec> rss = new ArrayList<>();
            for (RealServer rs : vs.realServers()) {
                rss.add(new RealServerSpec(vsName, VirtualServers.name(vs, rs), false, rs.weight()));
            }
            VirtualServer.SorryServer sorry = vs.sorryServer();
            if (sorry != null) {
                rss.add(new RealServerSpec(vsName, VirtualServers.name(vs, sorry.address(), sorry.port()), true,
                        vs.weight()));
            }
            if (out.putIfAbsent(ObjectNames.virtualServer(vsName), new VirtualServerSpec(vsName, vs, rss.size())) == null) {
                rss.forEach(r -> out.putIfAbsent(ObjectNames.realServer(r.virtualServer, r.name), r));
            }
        }
        for (VrrpScript s : config.tracking().scripts()) {
            out.putIfAbsent(ObjectNames.script(s.name()), s);
        }
        return out;
    }

    private record VirtualServerSpec(String name, VirtualServer config, int realServers) {
    }

    private record RealServerSpec(String virtualServer, String name, boolean sorry, long weight) {
    }

    private Object create(Object spec) {
        if (spec instanceof VrrpInstance i) {
            return new VrrpInstanceBean(i, status, commands);
        }
        if (spec instanceof SyncGroup g) {
            return new SyncGroupBean(g, status);
        }
        if (spec instanceof VirtualServerSpec v) {
            return new VirtualServerBean(v.name, v.config, v.realServers, status);
        }
        if (spec instanceof RealServerSpec r) {
            return new RealServerBean(r.virtualServer, r.name, r.sorry, r.weight, status, commands);
        }
        return new ScriptBean((VrrpScript) spec, status);
    }

    private static void refresh(Object bean, Object spec) {
        if (bean instanceof VrrpInstanceBean b) {
            b.configure((VrrpInstance) spec);
        } else if (bean instanceof SyncGroupBean b) {
            b.configure((SyncGroup) spec);
        } else if (bean instanceof VirtualServerBean b) {
            VirtualServerSpec v = (VirtualServerSpec) spec;
            b.configure(v.config, v.realServers);
        } else if (bean instanceof RealServerBean b) {
            b.configure(((RealServerSpec) spec).weight);
        } else if (bean instanceof ScriptBean b) {
            b.configure((VrrpScript) spec);
        }
    }

    private boolean register(ObjectName name, Object bean) {
        try {
            server.registerMBean(bean, name);
            return true;
        } catch (InstanceAlreadyExistsException e) {
            log.error("JMX: " + name + " is already registered by someone else; not registering ours");
        } catch (JMException | RuntimeException e) {
            log.error("JMX: cannot register " + name + ": " + e);
        }
        return false;
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // unregistered behind our back: nothing to do
        } catch (JMException | RuntimeException e) {
            log.error("JMX: cannot unregister " + name + ": " + e);
        }
    }

    /** The names of the MBeans registered now. */
    public java.util.Set<ObjectName> names() {
        return java.util.Set.copyOf(beans.keySet());
    }

    DaemonBean daemon() {
        return daemon;
    }

    VrrpInstanceBean vrrpInstance(String name) {
        return beans.get(ObjectNames.vrrpInstance(name)) instanceof VrrpInstanceBean b ? b : null;
    }

    SyncGroupBean syncGroup(String name) {
        return beans.get(ObjectNames.syncGroup(name)) instanceof SyncGroupBean b ? b : null;
    }

    VirtualServerBean virtualServer(String name) {
        return beans.get(ObjectNames.virtualServer(name)) instanceof VirtualServerBean b ? b : null;
    }

    RealServerBean realServer(String virtualServer, String name) {
        return beans.get(ObjectNames.realServer(virtualServer, name)) instanceof RealServerBean b ? b : null;
    }

    /** Unregisters every MBean it registered. */
    @Override
    public synchronized void close() {
        closed = true;
        for (ObjectName name : beans.keySet()) {
            unregister(name);
        }
        beans.clear();
    }
}
