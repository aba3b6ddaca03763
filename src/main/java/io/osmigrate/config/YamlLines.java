package io.osmigrate.config;

import java.io.StringReader;
import java.util.List;
import java.util.OptionalInt;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a key path in a YAML text, so errors found while binding (where Jackson's
 * location is past the offending key) can still name the line a person must edit.
 */
public final class YamlLines {

    private YamlLines() {
    }

    /** 1-based line of the key at the end of {@code path} ("[2]" selects a list item), if found. */
    public static OptionalInt lineOf(String yaml, List<String> path) {
        Node node;
        try {
            node = new Yaml().compose(new StringReader(yaml));
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
        Node at = node;
        int line = -1;
        for (String segment : path) {
            if (at instanceof MappingNode map) {
                Node next = null;
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(segment)) {
                        line = k.getStartMark().getLine() + 1;
                        next = t.getValueNode();
                        break;
                    }
                }
                at = next;
            } else if (at instanceof SequenceNode seq && segment.startsWith("[")) {
                int i = Integer.parseInt(segment.substring(1, segment.length() - 1));
                at = i < seq.getValue().size() ? seq.getValue().get(i) : null;
                line = at == null ? line : at.getStartMark().getLine() + 1;
            } else {
                at = null;
            }
            if (at == null) {
                break;
            }
        }
        return line < 0 ? OptionalInt.empty() : OptionalInt.of(line);
    }
}
