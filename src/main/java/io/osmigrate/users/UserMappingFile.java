package io.osmigrate.users;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.osmigrate.config.ConfigException;

/**
 * Reads a user mapping file (users.mappingFile): a CSV, UTF-8, whose first line names its columns,
 * {@code source_username}, {@code destination_username} and optionally {@code tenant} (the source
 * tenant; empty means any), in any order. Blank lines and lines starting with {@code #} are ignored;
 * values may be quoted. Every mistake is reported at once, each with its line number. Stateless.
 */
public final class UserMappingFile {

    static final String SOURCE = "source_username";
    static final String TENANT = "tenant";
    static final String DESTINATION = "destination_username";
    private static final int MAX_ERRORS = 20;
    private static final CSVFormat LINE = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreSurroundingSpaces(true).get();

    private UserMappingFile() {
    }

    /** One line of the file: a source username (in {@code tenant}, or any when null) mapped to a destination username. */
    public record UserMapping(int line, String sourceUsername, String tenant, String destinationUsername) {

        /** Whether this line applies to a source user of that tenant and username (both compared case-insensitively). */
        public boolean appliesTo(String tenantName, String username) {
            return username != null && sourceUsername.equalsIgnoreCase(username.trim())
                    && (tenant == null || tenant.equalsIgnoreCase(tenantName == null ? "" : tenantName.trim()));
        }
    }

    public static List<UserMapping> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("users.mappingFile: " + file + " does not exist (relative paths are read from "
                    + Path.of("").toAbsolutePath() + ")");
        } catch (MalformedInputException e) {
            throw new ConfigException("users.mappingFile: " + file + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new ConfigException("users.mappingFile: cannot read " + file + ": " + e.getMessage());
        }
        return parse(file, lines);
    }

    static List<UserMapping> parse(Path file, List<String> lines) {
        List<String> errors = new ArrayList<>();
        Map<String, Integer> header = null;
        Map<String, Integer> seen = new HashMap<>();
        List<UserMapping> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String text = i == 0 && lines.get(i).startsWith("\uFEFF") ? lines.get(i).substring(1) : lines.get(i);
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells;
            try {
                cells = cells(text);
            } catch (UncheckedIOException | IllegalStateException e) {
                errors.add("line " + lineNo + ": not valid CSV (" + e.getMessage() + ")");
                continue;
            }
            if (header == null) {
                header = header(cells, lineNo, errors);
                if (header == null) {
                    break;
                }
                continue;
            }
            if (cells.size() != header.size()) {
                errors.add("line " + lineNo + ": " + cells.size() + (cells.size() == 1 ? " value" : " values") + "; expected "
                        + header.size() + " (" + String.join(", ", header.keySet()) + ")");
                continue;
            }
            String source = cells.get(header.get(SOURCE));
            String destination = cells.get(header.get(DESTINATION));
            String tenant = header.containsKey(TENANT) ? cells.get(header.get(TENANT)) : "";
            if (source.isEmpty() || destination.isEmpty()) {
                errors.add("line " + lineNo + ": " + (source.isEmpty() ? SOURCE : DESTINATION) + " is empty");
                continue;
            }
            String key = (tenant.toLowerCase(Locale.ROOT)) + "|" + source.toLowerCase(Locale.ROOT);
            Integer earlier = seen.putIfAbsent(key, lineNo);
            if (earlier != null) {
                errors.add("line " + lineNo + ": " + source + (tenant.isEmpty() ? "" : " in tenant " + tenant)
                        + " is already mapped on line " + earlier);
                continue;
            }
            result.add(new UserMapping(lineNo, source, tenant.isEmpty() ? null : tenant, destination));
        }
        if (header == null && errors.isEmpty()) {
            errors.add("the file is empty; its first line must name the columns: " + SOURCE + "," + TENANT + ","
                    + DESTINATION + " (" + TENANT + " is optional)");
        }
        if (!errors.isEmpty()) {
            List<String> shown = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
            throw new ConfigException("users.mappingFile " + file + " has " + errors.size()
                    + (errors.size() == 1 ? " mistake" : " mistakes") + ":\n  " + file + ", " + String.join("\n  " + file + ", ", shown)
                    + (errors.size() > MAX_ERRORS ? "\n  … and " + (errors.size() - MAX_ERRORS) + " more" : ""));
        }
        return result;
    }

    private static Map<String, Integer> header(List<String> cells, int lineNo, List<String> errors) {
        Map<String, Integer> header = new java.util.LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            String name = cells.get(c).toLowerCase(Locale.ROOT);
            if (!List.of(SOURCE, TENANT, DESTINATION).contains(name)) {
                errors.add("line " + lineNo + ": unknown column '" + cells.get(c) + "'; the first line names the columns: "
                        + SOURCE + ", " + TENANT + " (optional), " + DESTINATION);
                return null;
            }
            if (header.putIfAbsent(name, c) != null) {
                errors.add("line " + lineNo + ": column " + name + " is named twice");
                return null;
            }
        }
        if (!header.containsKey(SOURCE) || !header.containsKey(DESTINATION)) {
            errors.add("line " + lineNo + ": the first line must name the columns " + SOURCE + " and " + DESTINATION
                    + " (and optionally " + TENANT + "); it has: " + String.join(", ", cells));
            return null;
        }
        return header;
    }

    private static List<String> cells(String line) {
        try (CSVParser parser = CSVParser.parse(new StringReader(line), LINE)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new IllegalStateException("expected one record");
            }
            List<String> cells = new ArrayList<>();
            records.get(0).forEach(cells::add);
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
