package org.jkeepalived.jmx.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jkeepalived.config.model.manage.JolokiaConfig;
import org.jkeepalived.os.log.Log;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.config.SystemPropertyMode;
import org.jolokia.server.core.service.api.LogHandler;

/**
 * The embedded Jolokia agent (jolokia-agent-jvm's HTTP server) over the platform MBeanServer.
 *
 * <p>Secure by default: it listens on the configured address only (127.0.0.1 unless told otherwise), answers
 * through the read-only policy in the {@code jmx} module unless a policy file is given, asks for basic
 * authentication when a user and password are given, has its JSR-160 proxy handler disabled (so it never connects
 * to other JMX servers on a caller's behalf), multicast discovery off, and ignores {@code jolokia.*} system
 * properties and {@code JOLOKIA_*} environment variables, which could otherwise loosen these settings.
 *
 * <p>Jolokia treats a policy location it cannot find as "allow everything"; this class checks the location
 * first and refuses to start without it.
 */
public final class JolokiaEndpoint implements AutoCloseable {
    /** The read-only policy shipped in the jmx module. */
    public static final String DEFAULT_POLICY = "/org/jkeepalived/jmx/jolokia-access.xml";
    private static final String JSR160_HANDLER = "org.jolokia.service.jsr160.Jsr160RequestHandler";

    private final JolokiaServer server;
    private final Log log;

    private JolokiaEndpoint(JolokiaServer server, Log log) {
        this.server = server;
        this.log = log;
    }

    /**
     * Starts the agent; returns null (after logging why) when it is off, its policy file is missing, or its
     * address cannot be bound. Never throws for bad configuration: the daemon goes on without Jolokia.
     */
    public static JolokiaEndpoint start(JolokiaConfig config, Log log) {
        Objects.requireNonNull(log, "log");
        if (config == null || !config.enabled()) {
            log.info("Jolokia: off");
            return null;
        }
        String where = config.host() + ":" + config.port();
        String policy = policyLocation(config, log);
        if (policy == null) {
            return null;
        }
        if ((config.user() == null) != (config.password() == null)) {
            log.error("Jolokia: 'user' and 'password' go together; not starting Jolokia on " + where);
            return null;
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("host", config.host());
        settings.put("port", Integer.toString(config.port()));
        settings.put("agentContext", "/jolokia");
        settings.put("policyLocation", policy);
        settings.put("discoveryEnabled", "false");
        settings.put("disabledServices", JSR160_HANDLER);
        settings.put("disableDetectors", "true");
        settings.put("includeStackTrace", "false");
        settings.put("serializeException", "false");
        settings.put("executor", "fixed");
        settings.put("nrThreads", "2");
        settings.put("threadNamePrefix", "jolokia-");
        if (config.user() != null) {
            settings.put("user", config.user());
            settings.put("password", config.password());
            settings.put("realm", "jkeepalived");
        }
        try {
            JolokiaServerConfig serverConfig = new JolokiaServerConfig(settings, SystemPropertyMode.NEVER);
            serverConfig.setClassLoader(JolokiaEndpoint.class.getClassLoader());
            JolokiaServer server = new JolokiaServer(serverConfig, new Logs(log));
            server.start();
            log.info("Jolokia: listening on " + server.getUrl() + (config.user() == null ? "" : " (basic auth)")
                    + (config.policyFile() == null ? " with the read-only policy" : " with policy " + config.policyFile()));
            return new JolokiaEndpoint(server, log);
        } catch (IOException | RuntimeException e) {
            log.error("Jolokia: cannot listen on " + where + ": " + reason(e) + "; going on without Jolokia");
            return null;
        }
    }

    /** The policy to use, as a Jolokia location; null (logged) when the configured file cannot be read. */
    private static String policyLocation(JolokiaConfig config, Log log) {
        if (config.policyFile() == null) {
            if (JolokiaEndpoint.class.getResource(DEFAULT_POLICY) == null) {
                log.error("Jolokia: the default policy " + DEFAULT_POLICY + " is missing from the classpath;"
                        + " not starting Jolokia");
                return null;
            }
            return "classpath:" + DEFAULT_POLICY;
        }
        Path file = Path.of(config.policyFile()).toAbsolutePath();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            log.error("Jolokia: policy file " + file + " cannot be read; not starting Jolokia"
                    + " (without it every MBean would be open)");
            return null;
        }
        return file.toUri().toString();
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Its base URL, e.g. {@code http://127.0.0.1:8778/jolokia/}. */
    public String url() {
        return server.getUrl();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (RuntimeException e) {
            log.error("Jolokia: stopping: " + e);
        }
    }

    /** Jolokia's own messages, into our log; its info chatter is shown with -D only. */
    private record Logs(Log log) implements LogHandler {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
            log.detail("Jolokia: " + message);
        }

        @Override
        public void error(String message, Throwable t) {
            log.error("Jolokia: " + message + (t == null ? "" : ": " + reason(t)));
        }

        @Override
        public boolean isDebug() {
            return false;
        }
    }
}
