package io.osmigrate.metamodel;

import java.util.Locale;

/** OSSYS_ENTITY.DATA_KIND: regular entity, static entity, or client (local storage) entity. */
public enum DataKind {
    ENTITY, STATIC_ENTITY, CLIENT_ENTITY;

    public static DataKind parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "staticentity" -> STATIC_ENTITY;
            case "cliententity" -> CLIENT_ENTITY;
            default -> ENTITY;
        };
    }
}
