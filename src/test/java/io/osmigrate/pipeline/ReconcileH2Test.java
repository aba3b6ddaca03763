package io.osmigrate.pipeline;

import java.nio.file.Path;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** The reconciliation by value end to end on H2 (MODE=MSSQLServer) files. */
class ReconcileH2Test extends ReconcileContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.h2(dir, options);
    }
}
