package io.osmigrate.metamodel;

import java.util.List;

/** An active application (OSSYS_APPLICATION) and the SS_Keys of its modules' espaces. */
public record Application(long id, String name, String key, List<String> espaces) {

    public Application {
        espaces = List.copyOf(espaces);
    }
}
