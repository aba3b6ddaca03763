package io.osmigrate.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class ValueKindTest {

    @Test
    void parsesTheUsualTimeFormsExactly() {
        assertThat(ValueKind.parseTime("00:00:00")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(ValueKind.parseTime("23:59:59")).isEqualTo(LocalTime.of(23, 59, 59));
        assertThat(ValueKind.parseTime("08:05:03.12")).isEqualTo(LocalTime.of(8, 5, 3, 120_000_000));
        assertThat(ValueKind.parseTime("08:05:03.1234567")).isEqualTo(LocalTime.of(8, 5, 3, 123_456_700));
        assertThat(ValueKind.parseTime("08:05:03.123456789")).isEqualTo(LocalTime.of(8, 5, 3, 123_456_789));
    }

    @Test
    void leavesEveryOtherFormToTheDriver() {
        assertThat(ValueKind.parseTime("24:00:00")).isNull();
        assertThat(ValueKind.parseTime("8:05:03")).isNull();
        assertThat(ValueKind.parseTime("08:05")).isNull();
        assertThat(ValueKind.parseTime("08:05:03.")).isNull();
        assertThat(ValueKind.parseTime("08:05:03+02")).isNull();
        assertThat(ValueKind.parseTime("08:05:03.1234567890")).isNull();
        assertThat(ValueKind.parseTime("08:61:03")).isNull();
    }
}
