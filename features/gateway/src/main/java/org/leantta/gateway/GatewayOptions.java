package org.leantta.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Gateway} starts with. Build with {@link #builder()}.
 *
 * @param bundlesDir     directory whose jars are installed (normally {@code features/gateway/target/bundles})
 * @param storageDir     framework storage, wiped on start; {@code null}: a temporary directory removed on close
 * @param httpPort       Jetty port on 127.0.0.1; 0 picks a free one
 * @param snapshot       Kura snapshot XML applied as initial configuration, or {@code null}
 * @param overrides      per-pid properties applied over the snapshot's (a pid absent from it is created); the
 *                       web console's {@code username} and {@code password} are always the gateway's own
 * @param frameworkProperties extra framework launch properties; they win over the gateway's own
 * @param timeout        how long start waits for services and the web console, and close for the framework
 */
public record GatewayOptions(Path bundlesDir, Path storageDir, int httpPort, Path snapshot,
        Map<String, Map<String, Object>> overrides, Map<String, String> frameworkProperties, Duration timeout) {

    /** System property naming the default bundles directory (set by the build for tests). */
    public static final String BUNDLES_DIR_PROPERTY = "leantta.gateway.bundles";

    public GatewayOptions {
        Objects.requireNonNull(bundlesDir, "bundlesDir");
        Objects.requireNonNull(timeout, "timeout");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("httpPort out of range: " + httpPort);
        }
        Map<String, Map<String, Object>> o = new LinkedHashMap<>();
        overrides.forEach((pid, props) -> o.put(pid, Collections.unmodifiableMap(new LinkedHashMap<>(props))));
        overrides = Collections.unmodifiableMap(o);
        frameworkProperties = Collections.unmodifiableMap(new LinkedHashMap<>(frameworkProperties));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The bundles directory when none is given: {@value #BUNDLES_DIR_PROPERTY}, else
     * {@code ${leantta.home}/features/gateway/target/bundles}, else that path under the working directory.
     */
    public static Path defaultBundlesDir() {
        String explicit = System.getProperty(BUNDLES_DIR_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return Path.of(System.getProperty("leantta.home", "."), "features", "gateway", "target", "bundles");
    }

    public static final class Builder {
        private Path bundlesDir;
        private Path storageDir;
        private int httpPort;
        private Path snapshot;
        private final Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
        private final Map<String, String> frameworkProperties = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder bundlesDir(Path dir) {
            this.bundlesDir = dir;
            return this;
        }

        public Builder storageDir(Path dir) {
            this.storageDir = dir;
            return this;
        }

        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder snapshot(Path file) {
            this.snapshot = file;
            return this;
        }

        /** Adds (merges) properties for one pid. */
        public Builder override(String pid, Map<String, ?> properties) {
            overrides.computeIfAbsent(pid, k -> new LinkedHashMap<>()).putAll(properties);
            return this;
        }

        public Builder override(String pid, String key, Object value) {
            return override(pid, Map.of(key, value));
        }

        public Builder overrides(Map<String, ? extends Map<String, ?>> all) {
            all.forEach(this::override);
            return this;
        }

        public Builder frameworkProperty(String key, String value) {
            frameworkProperties.put(key, value);
            return this;
        }

        public Builder frameworkProperties(Map<String, String> props) {
            frameworkProperties.putAll(props);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public GatewayOptions build() {
            return new GatewayOptions(bundlesDir != null ? bundlesDir : defaultBundlesDir(), storageDir, httpPort,
                    snapshot, overrides, frameworkProperties, timeout);
        }
    }
}
