package io.osmigrate.phases;

import java.nio.file.Path;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** Moving BPT process instances between H2 (MODE=MSSQLServer) files. */
class BptInstancesH2Test extends BptInstancesContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.h2(dir, options);
    }
}
