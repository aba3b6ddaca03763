package io.osmigrate.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before anything is written, that a folder osmigrate makes (or a file it writes) can be made where it is
 * named: a file in the way would otherwise fail deep inside a run or a driver. Stateless.
 */
public final class PathChecks {

    private PathChecks() {
    }

    /**
     * Throws a {@link ConfigException} when {@code folder}, or a folder it would be made in, is a file.
     *
     * @param what the setting or option that names the folder, as a person reads it (e.g. "app.properties:
     *             osmigrate.data-dir")
     */
    public static void folder(String what, Path folder) {
        Path blocking = firstExisting(folder);
        if (blocking != null && !Files.isDirectory(blocking)) {
            throw new ConfigException(what + " is " + folder + (blocking.equals(folder.toAbsolutePath())
                    ? ", which is a file, not a folder" : ", but " + blocking + " is a file, so the folder cannot be made")
                    + "; name a folder (osmigrate makes it when missing)");
        }
    }

    /** Throws a {@link ConfigException} when {@code file} is a folder, or a folder it would be written in is a file. */
    public static void file(String what, Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(what + " is " + file + ", which is a folder; name a file");
        }
        Path parent = file.toAbsolutePath().getParent();
        Path blocking = parent == null ? null : firstExisting(parent);
        if (blocking != null && !Files.isDirectory(blocking)) {
            throw new ConfigException(what + " is " + file + ", but " + blocking + " is a file, so " + file
                    + " cannot be written; name a file in a folder");
        }
    }

    /** The path itself or its nearest ancestor that exists (absolute), or null when none does. */
    private static Path firstExisting(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
