package io.osmigrate.host;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.YamlLines;

/** Reads job files strictly: unknown keys and bad values are rejected with the file, the line and what is allowed. */
final class JobFiles {

    static final Set<String> COMMANDS = Set.of("plan", "run");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JobFiles() {
    }

    static JobRequest parse(String name, String text) {
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
            throw new ConfigException(name + ": command is '" + job.command() + "'; allowed: plan, run");
        }
        return job;
    }

    private static String line(String text, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            OptionalInt line = YamlLines.lineOf(text, List.of(u.getPropertyName()));
            if (line.isPresent()) {
                return ", line " + line.getAsInt();
            }
        }
        return e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
    }
}
