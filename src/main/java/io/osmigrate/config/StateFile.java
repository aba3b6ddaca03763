package io.osmigrate.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an embedded state store keeps its file, read from its JDBC URL (a SQLite file URL), so that the
 * folder is checked at start-up and a command that only reads the store can tell there is none yet
 * instead of making an empty one.
 */
public final class StateFile {

    private StateFile() {
    }

    /** The store's file, or empty for a server, an in-memory database or a URL of another engine. */
    public static Optional<Path> of(String jdbcUrl) {
        String url = jdbcUrl.trim();
        if (url.startsWith("jdbc:sqlite:")) {
            String name = before(url.substring("jdbc:sqlite:".length()), '?');
            name = name.startsWith("file:") ? name.substring("file:".length()) : name;
            boolean memory = name.isEmpty() || name.equals(":memory:") || url.contains("mode=memory");
            return memory ? Optional.empty() : Optional.of(path(name).toAbsolutePath().normalize());
        }
        return Optional.empty();
    }

    private static String before(String text, char end) {
        int i = text.indexOf(end);
        return i < 0 ? text : text.substring(0, i);
    }

    private static Path path(String name) {
        return name.startsWith("~") ? Path.of(System.getProperty("user.home") + name.substring(1)) : Path.of(name);
    }
}
