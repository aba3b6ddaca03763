package io.osmigrate.config;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Says what is wrong in a YAML file without quoting it. Jackson's and SnakeYAML's own messages repeat
 * the value or the line they could not take, which may be anything the file holds (a whole file that is
 * not YAML comes back entire); these descriptions name only the key and the kind of value needed, and
 * callers add the file and the line. Stateless.
 */
public final class YamlErrors {

    private YamlErrors() {
    }

    /** The key path of a binding error ("scope.applications", "phases.[1]" as "phases[1]"); empty for a syntax error. */
    public static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What is wrong, e.g. "scope.applications must be a list, e.g. [A, B]" or "not valid YAML (…)". */
    public static String problem(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException)) {
            return "not valid YAML (look for a missing colon, quote or bracket, or wrong indentation)";
        }
        String path = path(e);
        Class<?> expected = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (path.isEmpty()) {
            return "the file is not a YAML mapping of keys to values (key: value lines)";
        }
        return path + " must be " + kind(expected);
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type.isEnum()) {
            return "one of the allowed words";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a single value (text)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list, e.g. [A, B]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping of keys to values";
        }
        return "a mapping of keys to values (key: value lines indented below it)";
    }
}
