package io.osmigrate.sample;

/** Which of the two environments is being generated; the drift between them hangs on this. */
enum Side {
    SOURCE, DESTINATION;

    boolean isSource() {
        return this == SOURCE;
    }
}
