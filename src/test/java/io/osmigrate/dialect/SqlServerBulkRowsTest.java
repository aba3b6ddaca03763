package io.osmigrate.dialect;

import static io.osmigrate.dialect.SqlServerFixtures.COLUMNS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import io.osmigrate.dialect.SqlServerBulkRows.Column;

/** The bulk-copy source needs no server: it is what the driver reads before it writes anything. */
class SqlServerBulkRowsTest {

    private static final Column KEY = new Column("osm_src_id", Types.BIGINT, 19, 0);

    private static final Object[] FULL = {"Ana", "long notes", new BigDecimal("12345.67890123"), true,
        LocalDateTime.of(2024, 1, 31, 10, 15, 30, 123_000_000), LocalDate.of(2024, 2, 29), LocalTime.of(7, 5, 9, 500_000_000),
        new byte[] {1, 2, 3}, 42L, 7, new BigDecimal("9.99")};

    private static final Object[] NULLS = new Object[COLUMNS.size()];

    @Test
    void reportsTheKeyThenOneColumnPerDestinationColumn() {
        SqlServerBulkRows bulk = new SqlServerBulkRows(KEY, COLUMNS, List.of(), List.of());

        assertThat(bulk.getColumnOrdinals()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(bulk.getColumnName(1)).isEqualTo("osm_src_id");
        assertThat(bulk.getColumnName(2)).isEqualTo("c1");
        assertThat(bulk.getColumnName(12)).isEqualTo("c11");
        int[] types = bulk.getColumnOrdinals().stream().mapToInt(bulk::getColumnType).toArray();
        assertThat(types).containsExactly(Types.BIGINT, Types.NVARCHAR, Types.NVARCHAR, Types.DECIMAL, Types.BIT, Types.TIMESTAMP,
                Types.DATE, Types.TIME, Types.VARBINARY, Types.BIGINT, Types.INTEGER, Types.DECIMAL);
        assertThat(bulk.getPrecision(2)).isEqualTo(100);
        assertThat(bulk.getPrecision(3)).isEqualTo(1_073_741_823);
        assertThat(bulk.getPrecision(4)).isEqualTo(37);
        assertThat(bulk.getScale(4)).isEqualTo(8);
        assertThat(bulk.getPrecision(6)).isEqualTo(23);
        assertThat(bulk.getScale(6)).isEqualTo(3);
        assertThat(bulk.getScale(8)).isEqualTo(7);
        assertThat(bulk.getPrecision(12)).isEqualTo(18);
        assertThat(bulk.getScale(12)).isEqualTo(2);
    }

    @Test
    void yieldsTheRowsInOrderWithNullsAndTheJavaTypesTheDriverCastsTo() throws Exception {
        SqlServerBulkRows bulk = new SqlServerBulkRows(KEY, COLUMNS, List.of(10L, 11L, 12L), List.of(FULL, NULLS, FULL));

        List<Object[]> read = new ArrayList<>();
        while (bulk.next()) {
            read.add(bulk.getRowData());
        }

        assertThat(bulk.next()).isFalse();
        assertThat(read).hasSize(3);
        assertThat(read).extracting(r -> r[0]).containsExactly(10L, 11L, 12L);
        Object[] first = read.get(0);
        assertThat(first[1]).isEqualTo("Ana");
        assertThat(first[3]).isEqualTo(new BigDecimal("12345.67890123"));
        assertThat(first[4]).isEqualTo(Boolean.TRUE);
        assertThat(first[5]).isEqualTo(Timestamp.valueOf(LocalDateTime.of(2024, 1, 31, 10, 15, 30, 123_000_000)));
        assertThat(first[6]).isEqualTo("2024-02-29");
        assertThat(first[7]).isEqualTo("07:05:09.500000000"); // nine digits: the driver reads them as nanoseconds
        assertThat((byte[]) first[8]).containsExactly(1, 2, 3);
        assertThat(first[9]).isEqualTo(42L);
        assertThat(first[10]).isEqualTo(7);
        assertThat(read.get(1)).containsExactly(11L, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(Arrays.copyOfRange(read.get(2), 1, 12)).isEqualTo(Arrays.copyOfRange(first, 1, 12));
    }

    @Test
    void numbersAreCastToTheColumnsOwnWidth() {
        assertThat(SqlServerBulkRows.value(Types.BIGINT, 5)).isEqualTo(5L);
        assertThat(SqlServerBulkRows.value(Types.INTEGER, 5L)).isEqualTo(5);
        assertThat(SqlServerBulkRows.value(Types.BIT, 0)).isEqualTo(false);
        assertThat(SqlServerBulkRows.value(Types.DECIMAL, 3L)).isEqualTo(new BigDecimal("3"));
        assertThat(SqlServerBulkRows.value(Types.DOUBLE, 1.5f)).isEqualTo(1.5d);
        assertThat(SqlServerBulkRows.value(Types.TIME, LocalTime.of(23, 59))).isEqualTo("23:59:00.000000000");
        assertThat(SqlServerBulkRows.value(Types.NVARCHAR, 12)).isEqualTo("12");
    }

    @Test
    void aLocalDateTimeInADaylightSavingGapIsNotSafeForTheBulkWriter() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Lisbon")); // 2024-03-31 01:00 → 02:00
            Object[] gap = {LocalDateTime.of(2024, 3, 31, 1, 30)};
            Object[] fine = {LocalDateTime.of(2024, 3, 31, 2, 30)};

            assertThat(SqlServerBulkRows.timestampsSafe(List.<Object[]>of(fine, new Object[] {null}))).isTrue();
            assertThat(SqlServerBulkRows.timestampsSafe(List.of(fine, gap))).isFalse();
        } finally {
            TimeZone.setDefault(saved);
        }
    }
}
