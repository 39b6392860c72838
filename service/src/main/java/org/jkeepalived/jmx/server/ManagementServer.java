package org.jkeepalived.jmx.server;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import org.jkeepalived.config.model.manage.ManagementConfig;
import org.jkeepalived.control.ManagementCommands;
import org.jkeepalived.os.log.Log;
import org.jkeepalived.status.StatusSource;

/**
 * The JMX side of the management plane, started once by the daemon: MXBeans in the platform MBeanServer
 * (kept in step with the configuration by {@link JmxRegistry#sync()}), the embedded Jolokia agent when enabled,
 * and the remote JMX connector when configured. The caller subscribes {@link #notifier()} to the event bus and
 * calls {@code registry().sync()} after every reload. Nothing here can stop the daemon: a port in use or a
 * missing file is logged and that endpoint stays off.
 */
public final class ManagementServer implements AutoCloseable {
    private final JmxRegistry registry;
    private final JmxNotifier notifier;
    private final JolokiaEndpoint jolokia;
    private final JmxRemoteConnector remote;

    private ManagementServer(JmxRegistry registry, JolokiaEndpoint jolokia, JmxRemoteConnector remote) {
        this.registry = registry;
        this.notifier = new JmxNotifier(registry);
        this.jolokia = jolokia;
        this.remote = remote;
    }

    /** Starts with the configuration file unknown (the Daemon MBean's ConfigFile reads empty). */
    public static ManagementServer start(ManagementConfig config, StatusSource status, ManagementCommands commands,
                                         Log log) {
        return start(config, status, commands, log, null);
    }

    /**
     * Registers the MBeans for the current snapshot and starts Jolokia and remote JMX as {@code config} asks.
     *
     * @param configFile the configuration file, shown by the Daemon MBean; null when not known
     */
    public static ManagementServer start(ManagementConfig config, StatusSource status, ManagementCommands commands,
                                         Log log, String configFile) {
        return start(config, status, commands, log, configFile, ManagementFactory.getPlatformMBeanServer());
    }

    /** As {@link #start(ManagementConfig, StatusSource, ManagementCommands, Log, String)} on {@code server}. */
    static ManagementServer start(ManagementConfig config, StatusSource status, ManagementCommands commands,
                                  Log log, String configFile, MBeanServer server) {
        ManagementConfig c = config == null ? ManagementConfig.defaults() : config;
        JmxRegistry registry = new JmxRegistry(server, status, commands, log, configFile);
        registry.sync();
        // Jolokia reads the platform MBeanServer, so it only makes sense over it.
        JolokiaEndpoint jolokia = server == ManagementFactory.getPlatformMBeanServer()
                ? JolokiaEndpoint.start(c.jolokia(), log) : null;
        JmxRemoteConnector remote = JmxRemoteConnector.start(c.jmxRemote(), server, log);
        return new ManagementServer(registry, jolokia, remote);
    }

    public JmxRegistry registry() {
        return registry;
    }

    /** The event bus subscriber that emits the JMX notifications. */
    public JmxNotifier notifier() {
        return notifier;
    }

    /** The Jolokia agent, or null when off or not started. */
    public JolokiaEndpoint jolokia() {
        return jolokia;
    }

    /** The remote JMX connector, or null when off or not started. */
    public JmxRemoteConnector remote() {
        return remote;
    }

    /** Stops Jolokia and the connector, then unregisters the MBeans. */
    @Override
    public void close() {
        if (jolokia != null) {
            jolokia.close();
        }
        if (remote != null) {
            remote.close();
        }
        registry.close();
    }
}
