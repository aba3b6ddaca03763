package io.osmigrate.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.Setting;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.spec.SpecLoader;

/**
 * The folders the route host takes specs from ({@code osmigrate.spec-folders}), and the one check every
 * spec path of a job file or a schedule goes through before any of it is read. A relative path is read
 * from the working directory; with symbolic links followed, it must lead into one of the folders, to a
 * regular {@code .yaml} or {@code .yml} file of at most {@link #MAX_SPEC_BYTES}. A refusal names the path
 * as given and the rule it broke, never what the file holds. Immutable and thread-safe.
 */
public final class SpecFolders {

    /** The largest spec the host reads: a spec is a page of YAML; anything near this is not one. */
    public static final int MAX_SPEC_BYTES = 1024 * 1024;

    private final List<Path> real;
    private final List<Path> lexical;
    private final String described;

    private SpecFolders(List<Path> real, List<Path> lexical, String described) {
        this.real = List.copyOf(real);
        this.lexical = List.copyOf(lexical);
        this.described = described;
    }

    /**
     * The configured folders, each of which must exist now.
     *
     * @param origin the configuration file, for messages
     * @throws ConfigException naming the file, the key and the folder, when one does not exist or is not a folder
     */
    public static SpecFolders check(List<Path> folders, String origin) {
        String key = Setting.SPEC_FOLDERS.key();
        List<Path> real = new ArrayList<>();
        List<Path> lexical = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new ConfigException(origin + ": " + key + ": " + folder + (Files.exists(folder) ? " is not a folder"
                        : " does not exist") + " (relative folders are read from " + Path.of("").toAbsolutePath()
                        + "); create it, or name the folders that hold the specs");
            }
            try {
                real.add(folder.toRealPath());
            } catch (IOException e) {
                throw new ConfigException(origin + ": " + key + ": cannot open the folder " + folder + ": "
                        + SmallTextFile.reason(e));
            }
            lexical.add(folder.toAbsolutePath().normalize());
        }
        String described = key + " = " + folders.stream().map(Path::toString).collect(Collectors.joining(", "));
        return new SpecFolders(real, lexical, described);
    }

    /**
     * Reads and validates the spec a job or a schedule names.
     *
     * @param given the path as the job or schedule wrote it
     * @throws ConfigException the path breaks a rule above, or the spec is not valid (file, line and key)
     */
    public MigrationSpec load(String given) {
        Path file = resolve(given);
        String text;
        try {
            text = SmallTextFile.read(file, MAX_SPEC_BYTES);
        } catch (SmallTextFile.Refused e) {
            throw refused(given, e.getMessage() + "; a spec is a regular YAML file of at most " + MAX_SPEC_BYTES + " bytes");
        } catch (IOException e) {
            throw refused(given, "cannot be read: " + SmallTextFile.reason(e));
        }
        return SpecLoader.parse(Path.of(given), text);
    }

    /** The real path of the spec, once it is known to lie inside a spec folder and to be named like a spec. */
    Path resolve(String given) {
        Path path;
        try {
            path = Path.of(given);
        } catch (InvalidPathException e) {
            throw refused(given, "is not a valid path");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            // the same answer for any path outside, whether or not something is there
            throw insideByName(path) ? refused(given, "does not exist; specs live in the spec folders (" + described + ")")
                    : outside(given);
        } catch (IOException e) {
            throw insideByName(path) ? refused(given, "cannot be read: " + SmallTextFile.reason(e)) : outside(given);
        }
        if (!inside(real)) {
            throw outside(given);
        }
        String name = real.getFileName() == null ? "" : real.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw refused(given, "is not named *.yaml or *.yml" + (Objects.equals(real.getFileName(), path.getFileName()) ? ""
                    : " (once symbolic links are followed)") + "; only spec files are read");
        }
        return real;
    }

    private boolean inside(Path real) {
        return this.real.stream().anyMatch(real::startsWith);
    }

    /** Whether the path, taken literally (links not followed), names something inside a spec folder. */
    private boolean insideByName(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return lexical.stream().anyMatch(absolute::startsWith) || real.stream().anyMatch(absolute::startsWith);
    }

    private ConfigException outside(String given) {
        return refused(given, "is outside the spec folders (" + described + "); a job or schedule may name only"
                + " a spec inside them");
    }

    private static ConfigException refused(String given, String rule) {
        return new ConfigException("spec " + given + " " + rule);
    }
}
