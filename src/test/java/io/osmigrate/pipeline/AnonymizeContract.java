package io.osmigrate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.osmigrate.app.ExitCode;
import io.osmigrate.app.OsmRuntime;
import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.PlanPrinter;
import io.osmigrate.plan.PlannedEntity;
import io.osmigrate.run.RunReport;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.state.MapKind;
import io.osmigrate.state.PairBlock;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * Anonymisation, run on each engine: one source moved into two destinations, then compared row by row. Every
 * anonymised value differs from its source value and never appears in the destination in clear, fits its column,
 * is the same in both destinations for the same source row, and a column with a unique index stays unique;
 * everything else equals its source after mapping.
 */
abstract class AnonymizeContract {

    static final String KEY = "osmigrate.anonymize.key";
    static final String KEY_VALUE = "{{env:OSM_TEST_ANONYMIZE_KEY:test-key-0123456789abcdef}}";
    static final String ANONYMIZE = """
            anonymize:
              OrdersCore.Customer.Name: name
              OrdersCore.Customer.Email: email
              OrdersCore.Customer.Phone: phone
              OrdersCore.Customer.BirthDate: {dateShift: 30}
              OrdersCore.Customer.CreditLimit: {numberRange: [0, 5000]}
              OrdersCore.Coupon.Code: hash
              OrdersCore.Order.Notes: text
              SupportCore.Ticket.Body: empty
              SupportCore.TicketComment.Content: {fixed: "(removed)"}
            """;

    /** Made from the value's characters or bits: none may equal any source value (a made-up name or date may, by chance). */
    private static final Set<String> IN_CLEAR_CHECKED = Set.of("OrdersCore.Customer.Email", "OrdersCore.Customer.Phone",
            "OrdersCore.Coupon.Code", "OrdersCore.Order.Notes");

    @TempDir
    Path first;
    @TempDir
    Path second;

    abstract MigrationFixture fixture(Path dir, SampleOptions options) throws Exception;

    @Test
    void anonymisedColumnsDifferFitStayUniqueAndAreTheSameInTwoDestinations() throws Exception {
        try (MigrationFixture a = prepared(first); MigrationFixture b = prepared(second)) {
            Plan plan = a.plan();
            assertThat(PlanPrinter.print(plan)).contains("Anonymised", "OrdersCore.Customer.Email", "dateShift 30",
                    "numberRange 0..5000", "yes: kept unique");
            Map<String, Long> before = a.destinationCounts();
            RunReport ra = a.run();
            RunReport rb = b.run();
            assertThat(ra.exitCode()).as(ra.message()).isEqualTo(ExitCode.OK.code());
            assertThat(rb.exitCode()).as(rb.message()).isEqualTo(ExitCode.OK.code());
            assertThat(a.check(before).problems()).as("every other column equals its source").isEmpty();

            for (String attribute : List.of("OrdersCore.Customer.Name", "OrdersCore.Customer.Email", "OrdersCore.Customer.Phone",
                    "OrdersCore.Customer.BirthDate", "OrdersCore.Customer.CreditLimit", "OrdersCore.Coupon.Code",
                    "OrdersCore.Order.Notes", "SupportCore.Ticket.Body", "SupportCore.TicketComment.Content")) {
                Column inA = column(a, plan, attribute);
                Column inB = column(b, b.plan(), attribute);
                assertThat(inA.moved).as(attribute + " moved rows").isNotEmpty();
                Set<Object> clear = new HashSet<>(inA.source.values());
                clear.remove(null);
                for (Map.Entry<Object, Object[]> row : inA.moved.entrySet()) {
                    Object source = row.getValue()[0];
                    Object destination = row.getValue()[1];
                    assertThat(destination).as(attribute + " of source row " + row.getKey() + " is the same in both destinations")
                            .isEqualTo(inB.moved.get(row.getKey())[1]);
                    if (source == null || destination == null) {
                        continue;
                    }
                    assertThat(destination).as(attribute + " of source row " + row.getKey() + " differs from its source")
                            .isNotEqualTo(source);
                    if (IN_CLEAR_CHECKED.contains(attribute)) {
                        assertThat(clear).as(attribute + ": a source value appears in the destination in clear").doesNotContain(destination);
                    }
                    if (destination instanceof String s) {
                        assertThat(s.length()).as(attribute + " fits").isLessThanOrEqualTo(inA.length);
                    }
                }
                expectations(attribute, inA);
            }
        }
    }

    /** What each method promises beyond "differs and fits". */
    private static void expectations(String attribute, Column c) {
        for (Object[] row : c.moved.values()) {
            Object s = row[0];
            Object d = row[1];
            switch (attribute) {
                case "OrdersCore.Customer.Email" -> {
                    if (s != null) {
                        assertThat((String) d).matches("user\\.[0-9a-f]+@example\\.com");
                    }
                }
                case "OrdersCore.Customer.Phone" -> {
                    if (s != null) {
                        assertThat(((String) d).replaceAll("\\d", "9")).isEqualTo(((String) s).replaceAll("\\d", "9"));
                    }
                }
                case "OrdersCore.Customer.BirthDate" -> {
                    if (s != null) {
                        long days = Math.abs(ChronoUnit.DAYS.between(date(s), date(d)));
                        assertThat(days).isBetween(1L, 30L);
                    }
                }
                case "OrdersCore.Customer.CreditLimit" -> {
                    if (s != null) {
                        assertThat(new BigDecimal(d.toString())).isBetween(BigDecimal.ZERO, new BigDecimal("5000"));
                    }
                }
                case "SupportCore.Ticket.Body" -> assertThat(d).isNull();
                case "SupportCore.TicketComment.Content" -> assertThat(d).isEqualTo("(removed)");
                default -> {
                    // name, text, hash: "differs, never in clear, fits, same in both" covers them
                }
            }
        }
        if (attribute.equals("OrdersCore.Coupon.Code")) {
            List<Object> codes = c.moved.values().stream().map(r -> r[1]).filter(Objects::nonNull).toList();
            assertThat(new HashSet<>(codes)).as("the unique index's column stays unique").hasSize(codes.size());
        }
    }

    private static LocalDate date(Object v) {
        return v instanceof LocalDateTime t ? t.toLocalDate() : (LocalDate) v;
    }

    private MigrationFixture prepared(Path dir) throws Exception {
        MigrationFixture f = fixture(dir, SampleOptions.of(200)).addMissingUsersToDestination();
        f.configure(KEY, KEY_VALUE);
        f.spec(MigrationFixture.BASE_SPEC + ANONYMIZE);
        return f;
    }

    /** One attribute's source values and, per moved source row, its source and destination value. */
    private record Column(Map<Object, Object> source, Map<Object, Object[]> moved, int length) {
    }

    private static Column column(MigrationFixture f, Plan plan, String attribute) throws SQLException {
        String entityName = attribute.substring(0, attribute.lastIndexOf('.'));
        PlannedEntity e = plan.entity(entityName).orElseThrow();
        var c = e.column(attribute.substring(attribute.lastIndexOf('.') + 1)).orElseThrow();
        Map<Object, Object> source;
        Map<Object, Object> destination;
        try (Connection s = f.writableSource(); Connection d = f.writableDestination()) {
            source = values(s, e.sourceTable(), e.identifier().sourceColumn(), c.sourceColumn());
            destination = values(d, e.destinationTable(), e.identifier().destinationColumn(), c.destinationColumn());
        }
        Map<Object, Object[]> moved = new HashMap<>();
        int length;
        try (OsmRuntime runtime = OsmRuntime.standalone(f.config())) {
            int scope = runtime.state().keyMap().scope("src", "dst", e.entity(), MapKind.MOVED);
            for (PairBlock.Pair p : runtime.state().keyMap().allPairs(scope)) {
                Object id = ValueKind.id(p.source());
                moved.put(id, new Object[] {source.get(id), destination.get(ValueKind.id(p.destination()))});
            }
            ColumnInfo info = runtime.environment("dst", io.osmigrate.env.Side.DESTINATION).catalog()
                    .column(e.destinationTable(), c.destinationColumn()).orElseThrow();
            length = info.size();
        }
        return new Column(source, moved, length);
    }

    private static Map<Object, Object> values(Connection c, String table, String id, String column) throws SQLException {
        Map<Object, Object> values = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"" + id + "\", \"" + column + "\" FROM \"" + table + "\"")) {
            ValueKind kind = ValueKind.of(rs.getMetaData().getColumnType(2));
            while (rs.next()) {
                values.put(ValueKind.id(rs.getObject(1)), kind.read(rs, 2));
            }
        }
        return values;
    }
}
