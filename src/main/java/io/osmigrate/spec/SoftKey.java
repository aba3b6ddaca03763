package io.osmigrate.spec;

import java.nio.file.Path;

/**
 * A soft key the spec declares: an Integer, Long Integer or Text attribute of a moved entity that holds the id of
 * another entity's row without being a reference in the model. The data phase remaps it through the target's key
 * map like a reference. Names are as written (compared case-insensitively when the plan resolves them).
 *
 * @param attribute "Module.Entity.Attribute"
 * @param target    "Module.Entity" whose ids the attribute holds
 * @param line      the line of the spec file the key is written on; 0 when not known
 */
public record SoftKey(String attribute, String target, int line) {

    /** "Module.Entity" of the attribute. */
    public String entity() {
        return attribute.substring(0, attribute.lastIndexOf('.'));
    }

    /** The attribute's name alone. */
    public String attributeName() {
        return attribute.substring(attribute.lastIndexOf('.') + 1);
    }

    /** "file, line N: softKeys.Module.Entity.Attribute", how an error about this declaration starts. */
    public String where(Path file) {
        return file + (line > 0 ? ", line " + line : "") + ": softKeys." + attribute;
    }
}
