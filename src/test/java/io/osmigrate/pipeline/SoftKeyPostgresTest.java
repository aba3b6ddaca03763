package io.osmigrate.pipeline;

import java.nio.file.Path;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** Soft keys end to end on PostgreSQL. */
class SoftKeyPostgresTest extends SoftKeyContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.postgres(dir, options);
    }
}
