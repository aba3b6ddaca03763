package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A label keeps its first values as they are; once full, a new value is "other", and a known one stays itself. */
class BoundedLabelsTest {

    @Test
    void newValuesBeyondTheBoundBecomeOther() {
        BoundedLabels labels = new BoundedLabels(2);

        assertThat(labels.of("A.One")).isEqualTo("A.One");
        assertThat(labels.of("A.Two")).isEqualTo("A.Two");
        assertThat(labels.of("A.Three")).isEqualTo(BoundedLabels.OTHER);
        assertThat(labels.of("A.One")).isEqualTo("A.One");
    }
}
