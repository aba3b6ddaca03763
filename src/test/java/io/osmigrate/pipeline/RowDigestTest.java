package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

/** The values a reconciliation compares: equal whichever JDBC class carries them, different where they differ. */
class RowDigestTest {

    private static boolean sameRow(Object[] a, Object[] b) {
        return RowDigest.of(a) == RowDigest.of(b);
    }

    @Test
    void equalValuesOfDifferentJdbcClassesHashEqual() {
        LocalDateTime at = LocalDateTime.of(2025, 3, 1, 12, 30, 15, 250_000_000);
        Object[] asWritten = {new BigDecimal("12.50"), 5, true, at, LocalDate.of(2025, 3, 1), LocalTime.of(8, 15),
            new byte[] {1, 2, 3}, "Ann", 7L, new BigDecimal("0.00")};
        Object[] asRead = {12.5, 5L, BigDecimal.ONE, Timestamp.valueOf(at), Date.valueOf("2025-03-01"), Time.valueOf("08:15:00"),
            new byte[] {1, 2, 3}, "Ann", BigInteger.valueOf(7), 0};
        assertThat(sameRow(asWritten, asRead)).isTrue();
        for (int i = 0; i < asWritten.length; i++) {
            assertThat(RowDigest.same(asWritten[i], asRead[i])).as("column %d", i).isTrue();
        }
        assertThat(RowDigest.same(0.1f, new BigDecimal("0.1"))).as("a float by its shortest text").isTrue();
    }

    @Test
    void differentValuesDiffer() {
        Object[] row = {new BigDecimal("12.50"), "Ann", LocalDate.of(2025, 3, 1), new byte[] {1, 2, 3}, 42L};
        Object[][] changed = {
            {new BigDecimal("12.51"), "Ann", LocalDate.of(2025, 3, 1), new byte[] {1, 2, 3}, 42L},
            {new BigDecimal("12.50"), "Anne", LocalDate.of(2025, 3, 1), new byte[] {1, 2, 3}, 42L},
            {new BigDecimal("12.50"), "ann", LocalDate.of(2025, 3, 1), new byte[] {1, 2, 3}, 42L},
            {new BigDecimal("12.50"), "Ann", LocalDate.of(2025, 3, 2), new byte[] {1, 2, 3}, 42L},
            {new BigDecimal("12.50"), "Ann", LocalDate.of(2025, 3, 1), new byte[] {1, 2, 4}, 42L},
            {new BigDecimal("12.50"), "Ann", LocalDate.of(2025, 3, 1), new byte[] {1, 2, 3}, 43L},
            {new BigDecimal("12.50"), "Ann", LocalDate.of(2025, 3, 1), new byte[] {1, 2, 3}, null}};
        for (Object[] c : changed) {
            assertThat(sameRow(row, c)).as(java.util.Arrays.deepToString(c)).isFalse();
        }
        assertThat(RowDigest.same("1", 1)).as("a text is not a number").isFalse();
        assertThat(RowDigest.same(LocalDate.of(2025, 3, 1), LocalDateTime.of(2025, 3, 1, 0, 0))).as("a date is not a timestamp")
                .isFalse();
        assertThat(RowDigest.same(12, 12.000001)).isFalse();
    }

    @Test
    void nullIsNeitherEmptyNorZeroAndValuesStayInTheirColumns() {
        assertThat(RowDigest.same(null, "")).isFalse();
        assertThat(RowDigest.same(null, 0)).isFalse();
        assertThat(RowDigest.same(null, new byte[0])).isFalse();
        assertThat(RowDigest.same(null, null)).isTrue();
        assertThat(sameRow(new Object[] {null}, new Object[] {""})).isFalse();
        assertThat(sameRow(new Object[] {null, ""}, new Object[] {"", null})).isFalse();
        assertThat(sameRow(new Object[] {"ab", "c"}, new Object[] {"a", "bc"})).as("values do not run into each other").isFalse();
        assertThat(sameRow(new Object[] {"a", "b"}, new Object[] {"b", "a"})).isFalse();
    }

    @Test
    void valuesAreShownPlainlyAndLongOnesCut() {
        assertThat(RowDigest.shown(new BigDecimal("1.2300"))).isEqualTo("1.23");
        assertThat(RowDigest.shown(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(RowDigest.shown(null)).isNull();
        assertThat(RowDigest.shown(new byte[] {(byte) 0xca, (byte) 0xfe})).isEqualTo("0xcafe (2 bytes)");
        assertThat(RowDigest.shown(new byte[40])).startsWith("0x0000").endsWith("… (40 bytes)");
        assertThat(RowDigest.shown("x".repeat(300))).hasSize(201).endsWith("…");
        assertThat(RowDigest.shown(Timestamp.valueOf("2025-03-01 12:30:00"))).isEqualTo("2025-03-01T12:30");
    }
}
