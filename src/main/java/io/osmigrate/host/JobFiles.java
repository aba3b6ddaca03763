package io.osmigrate.host;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.YamlLines;
import io.osmigrate.run.Phase;

/** Reads job files strictly: unknown keys and bad values are rejected with the file, the line and what is allowed. */
final class JobFiles {

    static final Set<String> COMMANDS = Set.of("plan", "run");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private JobFiles() {
    }

    static JobRequest parse(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(name + ": the job file is empty; a job file is YAML with spec: <file> and command: plan|run");
        }
        JobRequest job;
        try {
            job = YAML.readValue(text, JobRequest.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(name + line(text, e) + ": unknown key '" + e.getPropertyName()
                    + "'; allowed: command, fresh, phases, spec");
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + line(text, e) + ": not a valid job file: " + e.getOriginalMessage()
                    + ". A job file is YAML with spec: <file> and command: plan|run");
        }
        if (job == null || job.spec() == null || job.spec().isBlank()) {
            throw new ConfigException(name + ": spec is missing; give the migration spec to run, e.g. spec: config/migrations/demo.yaml");
        }
        if (job.command() == null || !COMMANDS.contains(job.command())) {
            throw new ConfigException(name + lineOf(text, List.of("command")) + ": command is '" + job.command()
                    + "'; allowed: plan, run");
        }
        if (job.command().equals("plan") && (!job.phases().isEmpty() || job.fresh() != null)) {
            throw new ConfigException(name + lineOf(text, List.of(job.phases().isEmpty() ? "fresh" : "phases"))
                    + ": phases and fresh apply to command: run only; a plan writes nothing");
        }
        for (int i = 0; i < job.phases().size(); i++) {
            String phase = job.phases().get(i);
            if (phase == null || !isPhase(phase)) {
                throw new ConfigException(name + lineOf(text, List.of("phases", "[" + i + "]")) + ": phases: unknown phase '"
                        + phase + "'; allowed: " + allowedPhases());
            }
        }
        return job;
    }

    /** The phases as the run service takes them; the job was validated by {@link #parse}. */
    static List<Phase> phases(JobRequest job) {
        return job.phases().stream().map(Phase::parse).toList();
    }

    static String allowedPhases() {
        return Arrays.stream(Phase.values()).map(Phase::wire).collect(Collectors.joining(", "));
    }

    private static boolean isPhase(String text) {
        return Arrays.stream(Phase.values()).anyMatch(p -> p.wire().equalsIgnoreCase(text.trim()));
    }

    private static String line(String text, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String at = lineOf(text, List.of(u.getPropertyName()));
            if (!at.isEmpty()) {
                return at;
            }
        }
        return e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
    }

    private static String lineOf(String text, List<String> path) {
        OptionalInt line = YamlLines.lineOf(text, path);
        return line.isPresent() ? ", line " + line.getAsInt() : "";
    }
}
