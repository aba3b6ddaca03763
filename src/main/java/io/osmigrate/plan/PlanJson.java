package io.osmigrate.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.text.Json;

/** The plan as JSON, for tools and for the run record. */
public final class PlanJson {

    private static final ObjectMapper JSON = Json.FILES;

    private PlanJson() {
    }

    public static String toJson(Plan plan) {
        try {
            return JSON.writeValueAsString(plan);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the plan as JSON", e);
        }
    }

    public static void write(Plan plan, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(plan));
    }

    public static Plan read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Plan.class);
    }
}
