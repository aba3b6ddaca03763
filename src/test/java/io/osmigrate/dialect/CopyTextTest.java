package io.osmigrate.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CopyTextTest {

    private static String encoded(Object... row) {
        CopyText text = new CopyText(8);
        for (Object v : row) {
            text.value(v);
        }
        text.endRow();
        return new String(Arrays.copyOf(text.buffer(), text.length()), StandardCharsets.UTF_8);
    }

    @Test
    void escapesTheFourSpecialCharactersAndWritesNullAsBackslashN() {
        assertThat(encoded("a\\b\tc\nd\re", null, "")).isEqualTo("a\\\\b\\tc\\nd\\re\t\\N\t\n");
    }

    @Test
    void encodesEveryPlaneOfUnicodeAsUtf8() {
        String s = "é€😀ü中";
        assertThat(encoded(s)).isEqualTo(s + "\n");
    }

    @Test
    void writesTypedValuesAsPostgresReadsThem() {
        assertThat(encoded(42L, 7, true, false, new BigDecimal("1E+3"), new byte[] {0, (byte) 0xAB, 0x7F},
                LocalDate.of(1900, 1, 1), LocalTime.of(8, 5, 3, 120_000_000), LocalDateTime.of(2024, 2, 29, 23, 59, 58)))
                .isEqualTo("42\t7\tt\tf\t1000\t\\\\x00ab7f\t1900-01-01\t08:05:03.120\t2024-02-29 23:59:58\n");
    }

    @Test
    void growsPastItsCapacityAndGivesALargeBufferBackOnClear() {
        CopyText text = new CopyText(64);
        String big = "x".repeat(10_000);
        text.value(big).endRow();
        assertThat(text.length()).isEqualTo(10_001);
        text.clear();
        assertThat(text.length()).isZero();
        assertThat(text.buffer().length).isEqualTo(64);
    }
}
