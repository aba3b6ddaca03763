package io.osmigrate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The route host's own settings: its HTTP job trigger ({@code osmigrate.http.*}), its management server
 * ({@code osmigrate.management.*}) and how it agrees with another host on which of them is active
 * ({@code osmigrate.cluster.*}). Read and validated with the rest of the configuration; immutable.
 *
 * @param httpHost         the address the HTTP trigger listens on
 * @param httpPort         its port
 * @param httpToken        the bearer token a request must carry; empty: the trigger is off. Never printed
 * @param management       where the management server listens; empty: it is off
 * @param clusterFolder    where the active host holds its file lock (storage every host shares)
 * @param clusterHeartbeat how often the active host renews its claim; a standby takes over after three missed
 */
public record HostSettings(String httpHost, int httpPort, Optional<String> httpToken, Optional<Listen> management,
                           Path clusterFolder, Duration clusterHeartbeat) {

    /** An address and port to listen on. */
    public record Listen(String host, int port) {
    }

    /** A token shorter than this is refused: it would be guessed. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** How many missed renewals make a standby take over. */
    public static final int MISSED_HEARTBEATS = 3;

    static HostSettings read(PropertySource p, Path inbox) {
        String origin = p.origin();
        String host = address(p, Setting.HTTP_HOST);
        int port = number(p, Setting.HTTP_PORT, 1, 65_535);
        Optional<String> token = token(p);
        Optional<Listen> management = management(p);
        if (management.isPresent() && token.isPresent() && management.get().port() == port) {
            throw new ConfigException(origin + ": " + Setting.MANAGEMENT_PORT.key() + " is " + port + ", the port of the HTTP"
                    + " trigger (" + Setting.HTTP_PORT.key() + "); give the management server a port of its own");
        }
        Path folder = p.get(Setting.CLUSTER_FOLDER.key()).map(Path::of).orElse(inbox.resolve(".cluster"));
        PathChecks.folder(origin + ": " + Setting.CLUSTER_FOLDER.key(), folder);
        int heartbeat = number(p, Setting.CLUSTER_HEARTBEAT, 1, 60);
        return new HostSettings(host, port, token, management, folder, Duration.ofSeconds(heartbeat));
    }

    private static Optional<Listen> management(PropertySource p) {
        String enabled = p.get(Setting.MANAGEMENT_ENABLED.key()).orElse(Setting.MANAGEMENT_ENABLED.defaultValue()).trim();
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new ConfigException(p.origin() + ": " + Setting.MANAGEMENT_ENABLED.key() + " is '" + enabled
                    + "'; allowed: true, false");
        }
        String host = address(p, Setting.MANAGEMENT_HOST);
        int port = number(p, Setting.MANAGEMENT_PORT, 1, 65_535);
        return enabled.equals("true") ? Optional.of(new Listen(host, port)) : Optional.empty();
    }

    private static String address(PropertySource p, Setting setting) {
        String host = p.get(setting.key()).orElse(setting.defaultValue());
        if (host.isBlank()) {
            throw new ConfigException(p.origin() + ": " + setting.key() + " has no value; give an address to listen on,"
                    + " or leave the key out for " + setting.defaultValue() + " (this machine only)");
        }
        return host.trim();
    }

    /** A token only from the environment: written in the file, anyone who can read the file could start runs. */
    private static Optional<String> token(PropertySource p) {
        String key = Setting.HTTP_TOKEN.key();
        Optional<String> raw = p.raw(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (!raw.get().contains("{{env:")) {
            throw new ConfigException(p.origin() + ": " + key + " must come from the environment, as {{env:VARIABLE}}"
                    + " (a token written in the file is read by whoever reads the file); leave it out to keep the HTTP"
                    + " trigger off");
        }
        String token = p.get(key).orElse("");
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new ConfigException(p.origin() + ": " + key + " is shorter than " + MIN_TOKEN_LENGTH + " characters; give"
                    + " a long random one, e.g. from: openssl rand -hex 32");
        }
        return Optional.of(token);
    }

    private static int number(PropertySource p, Setting setting, int min, int max) {
        String value = p.get(setting.key()).orElse(setting.defaultValue());
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key and the allowed range
        }
        throw new ConfigException(p.origin() + ": " + setting.key() + " is '" + value + "'; allowed: " + min + ".." + max);
    }

    /** The token hidden: a record's own toString would print it. */
    @Override
    public String toString() {
        return "host settings (HTTP trigger on " + httpHost + ":" + httpPort + (httpToken.isPresent() ? "" : ", off")
                + "; management server " + management.map(m -> "on " + m.host() + ":" + m.port()).orElse("off")
                + "; cluster folder " + clusterFolder + ", heartbeat " + clusterHeartbeat.toSeconds() + " s)";
    }
}
