package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.osmigrate.state.DeadLetter;

/**
 * Builds dead letters (the source row and the mapped row as JSON, the error with its SQL state and
 * vendor code) and sends them through the dead-letter channel. A dead letter that cannot be written
 * stops the run: none is lost silently.
 */
final class DeadLetters {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private DeadLetters() {
    }

    /** A dead letter with the error's class, SQL state and vendor code, and both rows as JSON. */
    static DeadLetter of(RunContext run, String phase, String entity, Object sourceId, String reason, String message,
                         SQLException error, Map<String, Object> sourceRow, Map<String, Object> mappedRow) {
        SQLException root = error == null ? null : root(error);
        return new DeadLetter(0, run.runId(), phase, entity, sourceId == null ? null : sourceId.toString(), reason,
                root == null ? null : root.getClass().getName(), root == null ? null : root.getSQLState(),
                root == null ? null : root.getErrorCode(), message, json(sourceRow), json(mappedRow), Instant.now());
    }

    /** Sends a batch's dead letters through the channel, written in one transaction; a failure stops the run. */
    static void send(RunContext run, List<DeadLetter> letters) {
        if (!letters.isEmpty()) {
            run.producer().requestBody(PipelineHeaders.DEAD_LETTER_ENDPOINT, List.copyOf(letters));
        }
    }

    static Map<String, Object> row(List<String> names, Object[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size() && i < values.length; i++) {
            m.put(names.get(i), values[i]);
        }
        return m;
    }

    private static String json(Map<String, Object> row) {
        if (row == null) {
            return null;
        }
        Map<String, Object> safe = new LinkedHashMap<>();
        row.forEach((k, v) -> safe.put(k, v instanceof byte[] b ? "base64:" + Base64.getEncoder().encodeToString(b) : v));
        try {
            return JSON.writeValueAsString(safe);
        } catch (JsonProcessingException e) {
            return String.valueOf(safe);
        }
    }

    private static SQLException root(SQLException e) {
        SQLException next = e.getNextException();
        return next != null && next != e ? next : e;
    }
}
