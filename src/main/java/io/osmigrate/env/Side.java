package io.osmigrate.env;

/** Which end of a migration an environment is: the source is opened read-only. */
public enum Side {
    SOURCE, DESTINATION
}
