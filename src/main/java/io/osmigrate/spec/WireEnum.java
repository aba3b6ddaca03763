package io.osmigrate.spec;

/** An enum written in specs as a lower-case, dashed word ("dead-letter"). */
public interface WireEnum {

    /** The word as written in a spec. */
    String wire();
}
