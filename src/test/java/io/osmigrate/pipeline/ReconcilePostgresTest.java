package io.osmigrate.pipeline;

import java.nio.file.Path;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** The reconciliation by value end to end on PostgreSQL. */
class ReconcilePostgresTest extends ReconcileContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.postgres(dir, options);
    }
}
