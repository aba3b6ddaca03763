package io.osmigrate.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.osmigrate.config.ConfigException;

/**
 * Reads back the report a run wrote as {@code <data-dir>/runs/<run id>/report.json}, for printing it again
 * later. Stateless.
 */
public final class ReportFiles {

    /** What a run id may hold: it names a folder, so nothing that could lead out of the runs folder. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    // the file also holds derived figures (durations, rates, sums) that are computed again on reading
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportFiles() {
    }

    /** Where the run's report is, whether or not it exists; a {@link ConfigException} for an id no run could have. */
    public static Path of(Path dataDir, String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new ConfigException("'" + runId + "' is not a run id; run ids look like 20260101-020000-1a2b3c4d"
                    + " (list them with: osmigrate runs)");
        }
        return dataDir.resolve("runs").resolve(runId).resolve("report.json");
    }

    /** The report, when its file exists; a {@link ConfigException} naming the file when it cannot be read as one. */
    public static Optional<RunReport> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunReport.class));
        } catch (IOException e) {
            throw new ConfigException("the report file " + file + " cannot be read as a run report ("
                    + e.getClass().getSimpleName() + "); was it edited? The state store still has the run's figures: move the"
                    + " file away to print those");
        }
    }
}
