package io.osmigrate.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a state store that lives in a file keeps it, read from its JDBC URL (an H2 or SQLite file URL), so
 * that a command that only reads the store can tell there is none yet instead of making an empty one.
 */
final class StateFile {

    private StateFile() {
    }

    /** The store's file, or empty for a server, an in-memory database or a URL of another engine. */
    static Optional<Path> of(String jdbcUrl) {
        String url = jdbcUrl.trim();
        if (url.startsWith("jdbc:h2:")) {
            String name = before(url.substring("jdbc:h2:".length()), ';');
            name = name.startsWith("file:") ? name.substring("file:".length()) : name;
            return hasScheme(name) || name.isEmpty() ? Optional.empty() : Optional.of(path(name + ".mv.db"));
        }
        if (url.startsWith("jdbc:sqlite:")) {
            String name = before(url.substring("jdbc:sqlite:".length()), '?');
            name = name.startsWith("file:") ? name.substring("file:".length()) : name;
            return name.isEmpty() || name.equals(":memory:") ? Optional.empty() : Optional.of(path(name));
        }
        return Optional.empty();
    }

    private static String before(String text, char end) {
        int i = text.indexOf(end);
        return i < 0 ? text : text.substring(0, i);
    }

    /** H2's mem:, tcp:, ssl:, zip:…; two letters at least, so that a Windows drive (C:) is a path. */
    private static boolean hasScheme(String name) {
        return name.matches("[A-Za-z]{2,}:.*");
    }

    private static Path path(String name) {
        return name.startsWith("~") ? Path.of(System.getProperty("user.home") + name.substring(1)) : Path.of(name);
    }
}
