package io.osmigrate.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * The one YAML reader for files people write (specs, job files): a key written twice, an unknown key, a key
 * without a value and a value of the wrong kind are errors, never guesses. A key without a value reads as null
 * (the builder leaves EMPTY_STRING_AS_NULL off, unlike {@code new YAMLFactory()}), so that it is rejected rather
 * than taken as the default. Only true and false are booleans (not YAML 1.1's yes, no, on, off), and a
 * whole-number or boolean key takes only that: no decimal cut short, no quoted "100" or "true", no 1 for true.
 */
public final class StrictYaml {

    private StrictYaml() {
    }

    /** A new mapper with these rules (mappers are thread-safe once configured; callers keep theirs). */
    public static ObjectMapper mapper() {
        return strict(new ObjectMapper(YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build()));
    }

    /** A new JSON mapper with the same rules, for the same documents sent as JSON (a job posted over HTTP). */
    public static ObjectMapper jsonMapper() {
        return strict(new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()));
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
