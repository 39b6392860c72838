package org.jkeepalived.jmx.server;

import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import org.jkeepalived.config.model.manage.JmxRemoteConfig;
import org.jkeepalived.os.log.Log;

/**
 * Remote JMX over RMI ({@code jmx_remote}): the registry and the connector share one port, bound to the
 * configured address only, as the JDK's own {@code com.sun.management.jmxremote.port} agent does, so a firewall
 * needs one rule. It always authenticates: it refuses to start without a readable password file (which, as the
 * JDK's agent demands, only its owner may read) and an access file. With {@code ssl} both the registry and the
 * connector speak TLS with the JVM's default SSL context ({@code javax.net.ssl.keyStore} etc.).
 *
 * <p>Clients connect to {@code service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi}.
 */
public final class JmxRemoteConnector implements AutoCloseable {
    /** The registry entry clients look up (the JDK agent's name, which jconsole and VisualVM assume). */
    public static final String REGISTRY_NAME = "jmxrmi";

    private final RMIConnectorServer connector;
    private final Registry registry;
    private final JMXServiceURL url;
    private final Log log;

    private JmxRemoteConnector(RMIConnectorServer connector, Registry registry, JMXServiceURL url, Log log) {
        this.connector = connector;
        this.registry = registry;
        this.url = url;
        this.log = log;
    }

    /**
     * Starts the connector; returns null (after logging why) when it is off, misconfigured or cannot bind.
     * Never throws for bad configuration: the daemon goes on without remote JMX.
     */
    public static JmxRemoteConnector start(JmxRemoteConfig config, MBeanServer server, Log log) {
        Objects.requireNonNull(log, "log");
        if (config == null || !config.enabled()) {
            return null;
        }
        String where = config.host() + ":" + config.port();
        String problem = checkFiles(config);
        if (problem != null) {
            log.error("JMX remote: " + problem + "; not starting the connector on " + where);
            return null;
        }
        Registry registry = null;
        RMIJRMPServerImpl rmiServer = null;
        try {
            InetAddress bind = InetAddress.getByName(config.host());
            advertise(bind, log);
            RMIServerSocketFactory ssf = new BoundServerSocketFactory(bind, config.ssl());
            RMIClientSocketFactory csf = config.ssl() ? new SslRMIClientSocketFactory() : null;
            Map<String, Object> env = new HashMap<>();
            env.put("jmx.remote.x.password.file", config.passwordFile());
            env.put("jmx.remote.x.access.file", config.accessFile());
            // Credentials are a String[] of user and password; nothing else may be deserialized before login.
            env.put(RMIConnectorServer.CREDENTIALS_FILTER_PATTERN, String.class.getName() + ";!*");
            if (csf != null) {
                env.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, csf);
            }
            env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, ssf);
            registry = LocateRegistry.createRegistry(config.port(), csf, ssf);
            rmiServer = new RMIJRMPServerImpl(config.port(), csf, ssf, env);
            String host = hostPart(config.host());
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + host + ":" + config.port()
                    + "/jndi/rmi://" + host + ":" + config.port() + "/" + REGISTRY_NAME);
            // Given the JNDI form, the connector server would bind its stub itself over a plain socket, which a
            // TLS registry refuses; it gets the bare form and we bind the stub in our registry directly.
            RMIConnectorServer connector = new RMIConnectorServer(new JMXServiceURL("rmi", host, config.port()),
                    env, rmiServer, server);
            connector.start();
            registry.rebind(REGISTRY_NAME, rmiServer.toStub());
            log.info("JMX remote: listening on " + where + (config.ssl() ? " (TLS)" : "") + ", " + url);
            return new JmxRemoteConnector(connector, registry, url, log);
        } catch (IOException | RuntimeException e) {
            log.error("JMX remote: cannot listen on " + where + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; going on without remote JMX");
            if (rmiServer != null) {
                try {
                    rmiServer.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            unexport(registry);
            return null;
        }
    }

    /**
     * RMI stubs carry the host clients must call back, by default the address the host name resolves to, which
     * need not be the address we listen on (a connector on 127.0.0.1 behind a host name resolving to the LAN
     * address would hand out stubs nobody can reach). So unless the operator set {@code java.rmi.server.hostname},
     * stubs name the listening address. RMI reads the property once, when it is first used: the connector is the
     * only RMI user in the daemon, and starts first.
     */
    private static void advertise(InetAddress bind, Log log) {
        String set = System.getProperty("java.rmi.server.hostname");
        if (bind.isAnyLocalAddress()) {
            return;
        }
        if (set == null) {
            System.setProperty("java.rmi.server.hostname", bind.getHostAddress());
        } else if (!set.equals(bind.getHostAddress())) {
            log.warn("JMX remote: java.rmi.server.hostname=" + set + " is what clients will be told to call back,"
                    + " not the listening address " + bind.getHostAddress());
        }
    }

    /** What is wrong with the password and access files, or null. */
    static String checkFiles(JmxRemoteConfig config) {
        if (config.passwordFile() == null || config.accessFile() == null) {
            return "it needs both 'password_file' and 'access_file' (remote JMX always authenticates)";
        }
        Path password = Path.of(config.passwordFile());
        Path access = Path.of(config.accessFile());
        for (Path p : new Path[] {password, access}) {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                return "cannot read " + p;
            }
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(password);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                return "password file " + password + " is readable by others than its owner (chmod 600 it)";
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing more to check
        }
        return null;
    }

    private static String hostPart(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The address clients connect to. */
    public JMXServiceURL url() {
        return url;
    }

    @Override
    public void close() {
        try {
            registry.unbind(REGISTRY_NAME);
        } catch (Exception e) {
            // gone already
        }
        try {
            connector.stop();
        } catch (IOException e) {
            log.error("JMX remote: stopping: " + e);
        }
        unexport(registry);
    }

    private static void unexport(Registry registry) {
        if (registry != null) {
            try {
                UnicastRemoteObject.unexportObject(registry, true);
            } catch (NoSuchObjectException e) {
                // not exported
            }
        }
    }

    /**
     * Server sockets on one address, plain or TLS. Equal factories let RMI share one port between the registry
     * and the connector, hence equals/hashCode.
     */
    static final class BoundServerSocketFactory implements RMIServerSocketFactory, Serializable {
        private static final long serialVersionUID = 1L;
        private final InetAddress address;
        private final boolean ssl;

        BoundServerSocketFactory(InetAddress address, boolean ssl) {
            this.address = address;
            this.ssl = ssl;
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            if (!ssl) {
                return new ServerSocket(port, 50, address);
            }
            SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
            return new ServerSocket(port, 50, address) {
                @Override
                public Socket accept() throws IOException {
                    Socket plain = super.accept();
                    SSLSocket s = (SSLSocket) tls.createSocket(plain, plain.getInetAddress().getHostAddress(),
                            plain.getPort(), true);
                    s.setUseClientMode(false);
                    return s;
                }
            };
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BoundServerSocketFactory f && f.address.equals(address) && f.ssl == ssl;
        }

        @Override
        public int hashCode() {
            return Objects.hash(address, ssl);
        }
    }
}
