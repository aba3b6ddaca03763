package io.osmigrate.pipeline;

import java.nio.file.Path;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** The data phase end to end on PostgreSQL (sequence-drawn ids + COPY). */
class DataPhasePostgresTest extends DataPhaseContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.postgres(dir, options);
    }
}
