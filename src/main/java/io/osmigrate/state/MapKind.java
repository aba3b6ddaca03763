package io.osmigrate.state;

/** Whether a key-map scope holds rows osmigrate moved (or matched), or a lookup rebuilt by each run. */
public enum MapKind {
    MOVED, LOOKUP
}
