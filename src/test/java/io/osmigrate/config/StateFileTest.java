package io.osmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Which state store URLs name a file, and which file: what dead-letters checks before it opens a store. */
class StateFileTest {

    @Test
    void anH2FileUrlNamesItsMvDbFile() {
        assertThat(StateFile.of("jdbc:h2:file:/srv/osm/state/osmigrate;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"))
                .contains(Path.of("/srv/osm/state/osmigrate.mv.db"));
        assertThat(StateFile.of("jdbc:h2:./data/state/osmigrate")).contains(Path.of("./data/state/osmigrate.mv.db"));
        assertThat(StateFile.of("jdbc:h2:~/osm/state")).contains(Path.of(System.getProperty("user.home") + "/osm/state.mv.db"));
        assertThat(StateFile.of(OsmSettings.defaultStateUrl(Path.of("data"))))
                .contains(Path.of("data").resolve("state").resolve("osmigrate.mv.db").toAbsolutePath());
    }

    @Test
    void aSqliteFileUrlNamesItsFile() {
        assertThat(StateFile.of("jdbc:sqlite:/srv/osm/state.db")).contains(Path.of("/srv/osm/state.db"));
        assertThat(StateFile.of("jdbc:sqlite:file:data/state.db?journal_mode=WAL")).contains(Path.of("data/state.db"));
    }

    @Test
    void serversAndMemoryDatabasesNameNoFile() {
        assertThat(StateFile.of("jdbc:h2:mem:state")).isEmpty();
        assertThat(StateFile.of("jdbc:h2:tcp://db/~/state")).isEmpty();
        assertThat(StateFile.of("jdbc:sqlite::memory:")).isEmpty();
        assertThat(StateFile.of("jdbc:postgresql://db:5432/osm")).isEmpty();
        assertThat(StateFile.of("jdbc:sqlserver://db:1433;databaseName=osm")).isEmpty();
    }
}
