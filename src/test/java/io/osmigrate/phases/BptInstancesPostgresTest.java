package io.osmigrate.phases;

import java.nio.file.Path;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** Moving BPT process instances between PostgreSQL databases (skipped where no server answers, never in CI). */
class BptInstancesPostgresTest extends BptInstancesContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.postgres(dir, options);
    }
}
