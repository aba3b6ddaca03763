package io.osmigrate.app;

import io.osmigrate.config.ConfigException;
import io.osmigrate.dialect.DatabaseIdentity;
import io.osmigrate.env.Environment;
import io.osmigrate.spec.MigrationSpec;

/**
 * A spec's source and destination, opened and known to be two databases. Made by
 * {@link OsmRuntime#environments(MigrationSpec)}.
 */
public record SpecEnvironments(Environment source, Environment destination) {

    /**
     * The pair, once each server has said which database it is and the two differ: two environment names, two host
     * names or two spellings of one file may still reach one database, and a run into its own source would write
     * to, or clean, the source. Nothing but the identity is read from either side before this check.
     */
    static SpecEnvironments checked(MigrationSpec spec, Environment source, Environment destination) {
        DatabaseIdentity from = source.identity();
        DatabaseIdentity to = destination.identity();
        if (from.sameDatabaseAs(to)) {
            throw new ConfigException(spec.file() + ": source '" + source.name() + "' (" + source.safeUrl() + ") and destination '"
                    + destination.name() + "' (" + destination.safeUrl() + ") are the same database: " + to.description()
                    + ". osmigrate never writes to its source; nothing was read or written. Name a destination that is"
                    + " another database");
        }
        return new SpecEnvironments(source, destination);
    }
}
