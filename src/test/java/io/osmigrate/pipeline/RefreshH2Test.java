package io.osmigrate.pipeline;

import java.nio.file.Path;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** Refresh and update-existing end to end on H2 (MODE=MSSQLServer) files. */
class RefreshH2Test extends RefreshContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.h2(dir, options);
    }
}
