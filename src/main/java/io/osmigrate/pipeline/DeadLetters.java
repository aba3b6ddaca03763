package io.osmigrate.pipeline;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.osmigrate.state.DeadLetter;
import io.osmigrate.text.Json;

/**
 * Builds dead letters: the reason, the error with its SQL state and vendor code, the source row and the
 * row as it was to be written, both as JSON (binary values as base64). Stateless.
 */
final class DeadLetters {

    private static final ObjectMapper JSON = Json.COMPACT;

    private DeadLetters() {
    }

    /** The dead letter of a pending row of a table that could not be written. */
    static DeadLetter of(TableRun table, PendingRow r) {
        TablePlan plan = table.plan();
        List<String> sourceNames = new ArrayList<>();
        sourceNames.add(plan.read().idColumn());
        sourceNames.addAll(plan.read().columns());
        Object[] sourceValues = new Object[r.source.values().length + 1];
        sourceValues[0] = r.source.id();
        System.arraycopy(r.source.values(), 0, sourceValues, 1, r.source.values().length);
        Map<String, Object> mapped = new LinkedHashMap<>();
        if (r.explicitId != null) {
            mapped.put(plan.target().idColumn().name(), r.explicitId);
        }
        mapped.putAll(row(plan.target().columnNames(), r.values));
        return of(table, r.source.id(), r.failureReason, r.failureMessage, r.error, row(sourceNames, sourceValues), mapped);
    }

    /** A dead letter with the error's class, SQL state and vendor code, and both rows as JSON. */
    static DeadLetter of(TableRun table, Object sourceId, DeadLetterReason reason, String message, SQLException error,
                         Map<String, Object> sourceRow, Map<String, Object> mappedRow) {
        SQLException root = error == null ? null : root(error);
        return new DeadLetter(0, table.run().runId(), table.plan().phase().wire(), table.plan().name(),
                sourceId == null ? null : sourceId.toString(), reason.wire(), root == null ? null : root.getClass().getName(),
                root == null ? null : root.getSQLState(), root == null ? null : root.getErrorCode(), message, json(sourceRow),
                json(mappedRow), Instant.now());
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
