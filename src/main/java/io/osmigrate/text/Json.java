package io.osmigrate.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON osmigrate writes: plans, reports, job results, dead letters' rows, benchmark figures. Times as
 * ISO-8601 text. Mappers are thread-safe once configured.
 */
public final class Json {

    /** Indented, for files people read (plan.json, report.json, job results, benchmark figures). */
    public static final ObjectMapper FILES = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** On one line, for values stored in a column (a dead letter's rows). */
    public static final ObjectMapper COMPACT = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }
}
