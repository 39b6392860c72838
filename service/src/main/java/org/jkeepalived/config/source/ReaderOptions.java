package org.jkeepalived.config.source;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the reader needs from outside: the config-id for {@code @id} lines (keepalived's {@code -i},
 * default the short host name), the environment for {@code ${_ENV X}}, and a seed for
 * {@code ${_RANDOM}} so that tests are repeatable.
 */
public record ReaderOptions(String configId, Function<String, String> environment, long randomSeed) {
    public ReaderOptions {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(environment, "environment");
    }

    public static ReaderOptions of(String configId) {
        return new ReaderOptions(configId, System::getenv, System.nanoTime());
    }

    public static ReaderOptions forTest(String configId, Map<String, String> env) {
        return new ReaderOptions(configId, env::get, 42L);
    }
}
