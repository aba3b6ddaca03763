package io.osmigrate.host;

/** Names of the message headers the host's routes use, in one place. */
public final class HostHeaders {

    /** Unique id of a job file's execution; prefixes its name in .done/ and .failed/. */
    public static final String JOB_ID = "OsmJobId";

    private HostHeaders() {
    }
}
