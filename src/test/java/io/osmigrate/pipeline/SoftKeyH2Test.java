package io.osmigrate.pipeline;

import java.nio.file.Path;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** Soft keys end to end on H2 (MODE=MSSQLServer) files. */
class SoftKeyH2Test extends SoftKeyContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.h2(dir, options);
    }
}
