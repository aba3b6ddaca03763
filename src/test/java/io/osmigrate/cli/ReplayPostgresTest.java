package io.osmigrate.cli;

import java.nio.file.Path;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** Replay end to end on PostgreSQL (sequence-drawn ids + COPY). */
class ReplayPostgresTest extends ReplayContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.postgres(dir, options);
    }
}
