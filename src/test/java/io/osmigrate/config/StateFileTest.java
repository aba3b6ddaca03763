package io.osmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Which state-store URLs name a file, and which file. */
class StateFileTest {

    @Test
    void aSqliteUrlNamesItsFileAbsolute() {
        assertThat(StateFile.of("jdbc:sqlite:/srv/osm/state.db")).contains(Path.of("/srv/osm/state.db"));
        assertThat(StateFile.of("jdbc:sqlite:file:data/state.db?busy_timeout=100"))
                .contains(Path.of("data/state.db").toAbsolutePath());
        assertThat(StateFile.of(OsmSettings.defaultStateUrl(Path.of("data"))))
                .contains(Path.of("data/state/osmigrate.db").toAbsolutePath());
    }

    @Test
    void serversInMemoryDatabasesAndOtherEnginesNameNoFile() {
        assertThat(StateFile.of("jdbc:sqlite::memory:")).isEmpty();
        assertThat(StateFile.of("jdbc:sqlite:file:x.db?mode=memory")).isEmpty();
        assertThat(StateFile.of("jdbc:postgresql://db/osm_state")).isEmpty();
        assertThat(StateFile.of("jdbc:h2:file:/srv/osm/state")).as("refused as a state store anyway").isEmpty();
    }
}
