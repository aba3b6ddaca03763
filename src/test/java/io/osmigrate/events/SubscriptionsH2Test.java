package io.osmigrate.events;

import java.nio.file.Path;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/** Triggers-off and events on H2 (MODE=MSSQLServer) files, which have no triggers: the rows are what is checked. */
class SubscriptionsH2Test extends SubscriptionsContract {

    @Override
    MigrationFixture fixture(Path dir, SampleOptions options) throws Exception {
        return MigrationFixture.h2(dir, options);
    }
}
