package io.osmigrate.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.StrictYaml;
import io.osmigrate.config.YamlErrors;
import io.osmigrate.config.YamlLines;
import io.osmigrate.pipeline.Phase;

/**
 * Reads job files strictly: unknown keys and bad values are rejected with the file, the line, the key and
 * what is allowed, never with what the file holds. A job file is checked before it is opened: it must be a
 * regular file (not a link, a folder or a FIFO) of at most {@link #MAX_JOB_BYTES}.
 */
final class JobFiles {

    static final Set<String> COMMANDS = Set.of("plan", "run");

    /** The largest job file read: a job is four short keys. */
    static final int MAX_JOB_BYTES = 64 * 1024;

    private static final String SHAPE = "A job file is YAML with spec: <file> and command: plan|run";
    private static final ObjectMapper YAML = StrictYaml.mapper().enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    private static final ObjectMapper JSON = StrictYaml.jsonMapper().enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private JobFiles() {
    }

    /**
     * Reads and validates the job file at {@code file}, naming it {@code name} in messages.
     *
     * @throws ConfigException the file is not a regular file, is too large, cannot be read, or is not a valid job
     */
    static JobRequest read(String name, Path file) {
        String text;
        try {
            text = SmallTextFile.read(file, MAX_JOB_BYTES);
        } catch (SmallTextFile.Refused e) {
            throw new ConfigException(name + " " + e.getMessage() + "; a job file is a regular YAML file of at most "
                    + MAX_JOB_BYTES + " bytes, and nothing else is read. " + SHAPE);
        } catch (IOException e) {
            throw new ConfigException(name + " cannot be read: " + SmallTextFile.reason(e));
        }
        return parse(name, text);
    }

    static JobRequest parse(String name, String text) {
        return parse(name, text, YAML);
    }

    /** The same job as JSON ({"spec": …, "command": …}), checked by the same rules: a job posted over HTTP. */
    static JobRequest parseJson(String name, String text) {
        return parse(name, text, JSON);
    }

    private static JobRequest parse(String name, String text, ObjectMapper mapper) {
        if (text == null || text.isBlank()) {
            throw new ConfigException(name + ": the " + noun(mapper) + " is empty; a job is YAML with spec: <file> and command:"
                    + " plan|run");
        }
        JobRequest job;
        try {
            rejectEmptyPhases(name, text, mapper.readTree(text));
            job = mapper.readValue(text, JobRequest.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(name + line(text, e) + ": unknown key '" + e.getPropertyName()
                    + "'; allowed: command, fresh, phases, spec");
        } catch (JsonProcessingException e) {
            String problem = mapper == JSON && !(e instanceof JsonMappingException)
                    ? "not valid JSON (look for a missing quote, comma or brace)" : YamlErrors.problem(e);
            throw new ConfigException(name + line(text, e) + ": not a valid " + noun(mapper) + ": " + problem + ". " + SHAPE);
        }
        if (job == null || job.spec() == null || job.spec().isBlank()) {
            throw new ConfigException(name + ": spec is missing; give the migration spec to run, e.g. spec: config/migrations/demo.yaml");
        }
        if (job.command() == null || !COMMANDS.contains(job.command())) {
            throw new ConfigException(name + lineOf(text, List.of("command")) + ": command is "
                    + (job.command() == null ? "missing" : "not one of the allowed words") + "; allowed: plan, run");
        }
        if (job.command().equals("plan") && (!job.phases().isEmpty() || job.fresh() != null)) {
            throw new ConfigException(name + lineOf(text, List.of(job.phases().isEmpty() ? "fresh" : "phases"))
                    + ": phases and fresh apply to command: run only; a plan writes nothing");
        }
        for (int i = 0; i < job.phases().size(); i++) {
            String phase = job.phases().get(i);
            if (phase == null || !isPhase(phase)) {
                throw new ConfigException(name + lineOf(text, List.of("phases", "[" + i + "]")) + ": phases[" + i
                        + "] is not a phase; allowed: " + allowedPhases());
            }
        }
        return job;
    }

    private static String noun(ObjectMapper mapper) {
        return mapper == JSON ? "job" : "job file";
    }

    /**
     * {@code phases: []} (or {@code phases:} with no value) would read as "no phases given", which runs them all:
     * the opposite of what it says. The command line refuses an empty --phases the same way.
     */
    private static void rejectEmptyPhases(String name, String text, JsonNode tree) {
        JsonNode phases = tree == null ? null : tree.get("phases");
        if (phases != null && (phases.isNull() || phases.isArray() && phases.isEmpty())) {
            throw new ConfigException(name + lineOf(text, List.of("phases")) + ": phases is empty; list the phases to run ("
                    + allowedPhases() + "), or leave phases out to run every phase that applies");
        }
    }

    /** The phases as the run service takes them; the job was validated by {@link #parse}. */
    static List<Phase> phases(JobRequest job) {
        return job.phases().stream().map(Phase::parse).toList();
    }

    static String allowedPhases() {
        return Arrays.stream(Phase.values()).filter(Phase::selectable).map(Phase::wire).collect(Collectors.joining(", "));
    }

    private static boolean isPhase(String text) {
        return Arrays.stream(Phase.values()).anyMatch(p -> p.selectable() && p.wire().equalsIgnoreCase(text.trim()));
    }

    private static String line(String text, JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String at = lineOf(text, List.of(u.getPropertyName()));
            if (!at.isEmpty()) {
                return at;
            }
        } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String at = lineOf(text, m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]").toList());
            if (!at.isEmpty()) {
                return at;
            }
        }
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : ", line " + e.getLocation().getLineNr();
    }

    private static String lineOf(String text, List<String> path) {
        OptionalInt line = YamlLines.lineOf(text, path);
        return line.isPresent() ? ", line " + line.getAsInt() : "";
    }
}
