package io.osmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.MigrationFixture;

/**
 * Bad input, one row per mistake, each run through the real command line against a real H2 source and
 * destination. A row writes its files into a folder of its own, then checks the exit code, the words the
 * message must contain, that no Java wording (exception or Jackson types, stack frames, "null") reaches the
 * person, and that nothing was written: no file appeared or changed in the row's folder (so no state store and
 * no data folder was made) and every destination table holds the rows it held.
 *
 * <p>Add a row for every input mistake found. In a row's spec, configuration values, arguments and expected
 * words, {@code $DIR} stands for the row's folder, {@code $CONFIG} for its configuration file and {@code $SPEC}
 * for its spec file. A row's configuration is {@link #baseConfig} (the fixture's) with its changes; its spec is
 * {@link MigrationFixture#BASE_SPEC} unless it gives one; its command is {@code run $SPEC} unless it gives one,
 * and always gets {@code --config $CONFIG} first unless it gives {@code --config} itself.
 */
class BadInputTest {

    /** The base spec, whose seven lines a row's spec may extend (an added key is on line 8). */
    private static final String SPEC = MigrationFixture.BASE_SPEC;
    private static final List<String> FORBIDDEN = List.of("Exception", "Cannot construct", "Cannot deserialize",
            "Cannot coerce", "fasterxml", "java.", "\tat ", "Input length");

    @TempDir
    static Path shared;
    private static MigrationFixture fixture;
    private static Map<String, String> baseConfig;

    @TempDir
    Path dir;

    @BeforeAll
    static void environments() throws Exception {
        fixture = MigrationFixture.h2(shared, SampleOptions.of(200));
        baseConfig = new LinkedHashMap<>();
        for (String line : Files.readAllLines(fixture.config())) {
            if (line.contains("=")) {
                baseConfig.put(line.substring(0, line.indexOf('=')).trim(), line.substring(line.indexOf('=') + 1).trim());
            }
        }
        // the embedded state store in the row's own folder, where "nothing written" is checked
        baseConfig.remove("osmigrate.state.url");
        baseConfig.put("osmigrate.data-dir", "$DIR/data");
    }

    static Stream<Case> cases() {
        return Stream.of(
                // a key without a value, and values of the wrong kind
                run("a key without a value: clean", SPEC + "clean:\n").says("$SPEC, line 8: clean has no value"),
                run("a key without a value: batchSize", SPEC + "defaults:\n  batchSize:\n")
                        .says("$SPEC, line 9: defaults.batchSize has no value"),
                run("a key without a value: unresolvedReference", SPEC + "defaults:\n  unresolvedReference:\n")
                        .says("line 9", "defaults.unresolvedReference has no value", "write: empty"),
                run("a key without a value: users.defaultUser", SPEC + "users:\n  defaultUser:\n")
                        .says("line 9", "users.defaultUser has no value"),
                run("a decimal batch size", SPEC + "defaults:\n  batchSize: 5000.5\n")
                        .says("$SPEC, line 9: defaults.batchSize is a decimal number", "a whole number, 1..100000"),
                run("a batch size in quotes", SPEC + "defaults:\n  batchSize: \"100\"\n")
                        .says("line 9", "defaults.batchSize is in quotes", "without quotes"),
                run("a batch size as true", SPEC + "defaults:\n  batchSize: true\n").says("line 9", "a whole number"),
                run("clean: yes", SPEC + "clean: yes\n").says("$SPEC, line 8: clean is text", "allowed: true or false"),
                run("clean: \"true\"", SPEC + "clean: \"true\"\n").says("line 8", "clean is in quotes", "true or false"),
                run("clean: 1", SPEC + "clean: 1\n").says("line 8", "clean is a number", "true or false"),
                run("users.anonymize: on", SPEC + "users:\n  anonymize: on\n").says("line 9", "users.anonymize is text"),
                run("scope as a list", "source: src\ndestination: dst\nscope: [Orders]\n")
                        .says("$SPEC, line 3: scope is a list", "applications, entities, moduleKeys, modules"),
                run("scope as text", "source: src\ndestination: dst\nscope: Orders\n")
                        .says("$SPEC, line 3: scope is text", "a section with the keys"),
                run("scope.applications as text", "source: src\ndestination: dst\nscope:\n  applications: Orders\n")
                        .says("line 4", "scope.applications is text", "a list"),
                run("source as a list", "source: [src]\ndestination: dst\nscope: {applications: [Orders]}\n")
                        .says("line 1", "source is a list"),
                run("entities as a list", SPEC.replace("entities:\n  CatalogCore.Product:\n    match: [Code]\n", "entities: [A.B]\n"))
                        .says("line 5", "entities is a list"),
                run("the spec is a list", "- source: src\n").says("$SPEC: the spec is a list", "source, statics"),
                run("the spec is empty", "# nothing\n").says("$SPEC: the spec is empty"),

                // numbers out of range, names that are not names, keys that are missing or unknown
                run("defaults.batchSize 0", SPEC + "defaults:\n  batchSize: 0\n")
                        .says("$SPEC, line 9: defaults.batchSize is 0; allowed: 1..100000"),
                run("defaults.batchSize 100001", SPEC + "defaults:\n  batchSize: 100001\n").says("line 9", "1..100000"),
                run("defaults.batchSize beyond any integer", SPEC + "defaults:\n  batchSize: 99999999999\n")
                        .says("line 9", "defaults.batchSize is out of range", "1..100000"),
                run("a per-entity batchSize 0", SPEC + "    batchSize: 0\n")
                        .says("$SPEC, line 8: entities.CatalogCore.Product.batchSize is 0; allowed: 1..100000"),
                run("a per-entity batchSize 100001", SPEC + "    batchSize: 100001\n")
                        .says("line 8", "entities.CatalogCore.Product.batchSize is 100001"),
                run("no source", SPEC.replace("source: src\n", "")).says("$SPEC: source is missing"),
                run("no destination", SPEC.replace("destination: dst\n", "")).says("$SPEC: destination is missing"),
                run("a bad name under entities", SPEC + "  Product:\n    mode: move\n")
                        .says("$SPEC, line 8: entities: 'Product' is not an entity name", "Module.Entity"),
                run("a bad name under scope.entities", "source: src\ndestination: dst\nscope:\n  entities: [OrdersCore.Order, Order]\n")
                        .says("line 4", "scope.entities[1] is not an entity name", "Module.Entity"),
                run("a lookup without match", SPEC + "  OrdersCore.Coupon:\n    mode: lookup\n")
                        .says("line 8", "entities.OrdersCore.Coupon is a lookup but has no match attributes"),
                // subsets: a where is parsed, never spliced into SQL; its names are attributes
                run("injected SQL in a where", SPEC + "  OrdersCore.Order:\n    where: \"Total > 5; DROP TABLE OSSYS_USER\"\n")
                        .says("$SPEC, line 9: entities.OrdersCore.Order.where: unexpected ';' at position 10", "AND, OR"),
                run("a comment in a where", SPEC + "  OrdersCore.Order:\n    where: \"IsPaid = true -- and more\"\n")
                        .says("line 9", "entities.OrdersCore.Order.where: unexpected '-' at position 15"),
                run("an always-true trick in a where", SPEC + "  OrdersCore.Order:\n    where: \"Total > 5 OR 1 = 1\"\n")
                        .says("line 9", "entities.OrdersCore.Order.where: unexpected '1'"),
                run("an unknown attribute in a where", SPEC + "  OrdersCore.Order:\n    where: \"Nope = 1\"\n")
                        .says("entities.OrdersCore.Order.where: no attribute 'Nope' in OrdersCore.Order", "OrderNumber"),
                run("a sample of 0", SPEC + "  OrdersCore.Order:\n    sample: 0\n")
                        .says("line 9", "entities.OrdersCore.Order.sample is 0; allowed: 1..100000000"),
                run("a where on a lookup", SPEC + "    mode: lookup\n    where: \"Code = 'x'\"\n")
                        .says("line 6", "entities.CatalogCore.Product has where but is a lookup"),
                run("a sample on a producer that joins as a lookup", SPEC + "    sample: 10\n")
                        .says("$SPEC: entities.CatalogCore.Product has sample but is a lookup"),
                // anonymisation: plain values of moved entities only, a method that suits the column, a key from the environment
                run("an anonymised reference", SPEC + "anonymize:\n  OrdersCore.Order.CustomerId: hash\n").config("osmigrate.anonymize.key", "{{env:OSM_TEST_ANONYMIZE_KEY:test-key-0123456789abcdef}}")
                        .says("$SPEC: anonymize.OrdersCore.Order.CustomerId: CustomerId is a reference", "never anonymised"),
                run("an anonymised identifier", SPEC + "anonymize:\n  OrdersCore.Order.Id: hash\n").config("osmigrate.anonymize.key", "{{env:OSM_TEST_ANONYMIZE_KEY:test-key-0123456789abcdef}}")
                        .says("anonymize.OrdersCore.Order.Id: Id is OrdersCore.Order's identifier", "never anonymised"),
                run("an anonymised attribute of a lookup", SPEC + "anonymize:\n  CatalogCore.Product.Code: hash\n").config("osmigrate.anonymize.key", "{{env:OSM_TEST_ANONYMIZE_KEY:test-key-0123456789abcdef}}")
                        .says("anonymize.CatalogCore.Product.Code: CatalogCore.Product is a lookup here, not moved"),
                run("an anonymised attribute that is not there", SPEC + "anonymize:\n  OrdersCore.Order.Nope: hash\n").config("osmigrate.anonymize.key", "{{env:OSM_TEST_ANONYMIZE_KEY:test-key-0123456789abcdef}}")
                        .says("anonymize.OrdersCore.Order.Nope: no attribute 'Nope' in OrdersCore.Order", "OrderNumber"),
                run("an unknown anonymisation method", SPEC + "anonymize:\n  OrdersCore.Order.Notes: scramble\n")
                        .says("$SPEC, line 9: anonymize.OrdersCore.Order.Notes is not a method", "dateShift: DAYS"),
                run("an anonymised name that is not Module.Entity.Attribute", SPEC + "anonymize:\n  Order.Notes: text\n")
                        .says("line 9", "anonymize.Order.Notes is not an attribute name", "Module.Entity.Attribute"),
                run("a text method on a date", SPEC + "anonymize:\n  OrdersCore.Order.PlacedOn: email\n").config("osmigrate.anonymize.key", "{{env:OSM_TEST_ANONYMIZE_KEY:test-key-0123456789abcdef}}")
                        .says("anonymize.OrdersCore.Order.PlacedOn: email replaces text, but the column holds date-times"),
                run("a method that cannot keep a unique index unique", SPEC + "anonymize:\n  OrdersCore.Coupon.Code: {fixed: X}\n").config("osmigrate.anonymize.key", "{{env:OSM_TEST_ANONYMIZE_KEY:test-key-0123456789abcdef}}")
                        .says("anonymize.OrdersCore.Coupon.Code: the destination has a unique index on CODE", "use hash or text"),
                run("a dateShift of 0 days", SPEC + "anonymize:\n  OrdersCore.Order.PlacedOn: {dateShift: 0}\n")
                        .says("line 9", "anonymize.OrdersCore.Order.PlacedOn.dateShift is not a number of days; allowed: 1..36500"),
                run("anonymize without a key", SPEC + "anonymize:\n  OrdersCore.Order.Notes: text\n")
                        .says("anonymize needs a secret key", "osmigrate.anonymize.key = {{env:OSM_ANONYMIZE_KEY}}"),
                run("an anonymize key written in the file", SPEC).config("osmigrate.anonymize.key", "0123456789abcdef0123")
                        .says("osmigrate.anonymize.key must come from the environment"),
                run("a soft key that is a reference", SPEC + "softKeys:\n  OrdersCore.Order.CustomerId: OrdersCore.Customer\n")
                        .says("$SPEC, line 9: softKeys.OrdersCore.Order.CustomerId: CustomerId is a reference already"
                                + " (to OrdersCore.Customer)", "remove the declaration"),
                run("a soft key of another type", SPEC + "softKeys:\n  SupportCore.Ticket.OpenedOn: OrdersCore.Order\n")
                        .says("$SPEC, line 9: softKeys.SupportCore.Ticket.OpenedOn: OpenedOn is of type rtDateTime",
                                "Integer, Long Integer or Text"),
                run("a soft key to an entity out of scope", SPEC + "softKeys:\n  SupportCore.Ticket.RelatedOrderId:"
                        + " WorkflowCore.OrderTracking\n").says("$SPEC, line 9: softKeys.SupportCore.Ticket.RelatedOrderId:"
                                + " WorkflowCore.OrderTracking is not in this spec's scope", "add it to the scope"),
                run("a soft key to a static entity", SPEC + "softKeys:\n  SupportCore.Ticket.RelatedOrderId: SupportCore.TicketPriority\n")
                        .says("line 9", "SupportCore.TicketPriority is a static entity"),
                run("a soft key of an unknown attribute", SPEC + "softKeys:\n  SupportCore.Ticket.OrderRef: OrdersCore.Order\n")
                        .says("line 9", "no attribute 'OrderRef' in SupportCore.Ticket", "RelatedOrderId"),
                run("a soft key that is not Module.Entity.Attribute", SPEC + "softKeys:\n  Ticket.RelatedOrderId: OrdersCore.Order\n")
                        .says("$SPEC, line 9: softKeys.Ticket.RelatedOrderId is not an attribute name", "Module.Entity.Attribute"),
                run("an unknown key", SPEC + "cleanup: true\n").says("$SPEC, line 8: unknown key 'cleanup' at the top level"),
                run("a key written twice", SPEC + "source: dst\n").says("$SPEC, line 8: 'source' is written twice"),
                run("an unknown word", SPEC + "    onConflict: skip\n")
                        .says("line 8", "onConflict is not an allowed value; allowed: fail, dead-letter, match-existing"),
                run("source and destination the same", SPEC.replace("destination: dst", "destination: src"))
                        .says("line 2", "source and destination name the same environment"),
                run("a scope that selects nothing", "source: src\ndestination: dst\nscope: {}\n").says("scope selects nothing"),
                run("an unknown environment", SPEC.replace("destination: dst", "destination: qa"))
                        .says("$SPEC: destination: unknown environment 'qa'", "dst, src"),

                // files that are not specs
                run("not YAML", SPEC + "clean: true: false\n").says("$SPEC, line 8: not valid YAML"),
                run("a control character", SPEC + "\u0001\n").says("$SPEC, line 8: not valid YAML", "is it a text file?"),
                run("a binary spec", null).file("spec.yaml", new byte[] {(byte) 0x80, (byte) 0x81, (byte) 0xfe, 0, 1})
                        .says("spec file $SPEC is not a text file"),
                command("a missing spec", "run", "$DIR/none.yaml").says("spec file $DIR/none.yaml does not exist"),
                command("a spec that is a folder", "run", "$DIR").says("spec file $DIR is a folder"),

                // the configuration
                command("a missing configuration file", "--config", "$DIR/none.properties", "run", "$SPEC")
                        .says("configuration file $DIR/none.properties does not exist", "--config"),
                command("a configuration file that is a folder", "--config", "$DIR", "run", "$SPEC")
                        .says("configuration file $DIR is a folder"),
                run("a data-dir that is a file", SPEC).config("osmigrate.data-dir", "$DIR/a-file").file("a-file", "x")
                        .says("$CONFIG: osmigrate.data-dir is $DIR/a-file, which is a file, not a folder"),
                run("a data-dir under a file", SPEC).config("osmigrate.data-dir", "$DIR/a-file/data").file("a-file", "x")
                        .says("osmigrate.data-dir is $DIR/a-file/data, but $DIR/a-file is a file"),
                run("an inbox that is a file", SPEC).config("osmigrate.inbox", "$DIR/a-file").file("a-file", "x")
                        .says("$CONFIG: osmigrate.inbox is $DIR/a-file, which is a file"),
                run("a state store under a file", SPEC).config("osmigrate.state.url", "jdbc:sqlite:$DIR/a-file/state.db")
                        .file("a-file", "x").says("the state store's folder (osmigrate.state.url) is $DIR/a-file"),
                run("an H2 state store", SPEC).config("osmigrate.state.url", "jdbc:h2:file:$DIR/state/osmigrate")
                        .says("$CONFIG: osmigrate.state.url", "an H2 database cannot hold the state store", "SQLite"),
                run("an in-memory state store", SPEC).config("osmigrate.state.url", "jdbc:sqlite::memory:")
                        .says("osmigrate.state.url jdbc:sqlite::memory: is not a file", "in-memory"),
                run("a state store URL that weakens durability", SPEC)
                        .config("osmigrate.state.url", "jdbc:sqlite:$DIR/state.db?synchronous=OFF")
                        .says("osmigrate.state.url sets synchronous", "remove it from the URL"),
                run("a data-dir without a value", SPEC).config("osmigrate.data-dir", "")
                        .says("$CONFIG: osmigrate.data-dir has no value"),
                run("a state URL without a value", SPEC).config("osmigrate.state.url", "")
                        .says("$CONFIG: osmigrate.state.url has no value"),
                run("an unknown property", SPEC).config("osmigrate.batchsize", "10").says("unknown property osmigrate.batchsize"),
                run("a password from a variable that is not set", SPEC)
                        .config("osmigrate.env.dst.password", "{{env:OSM_SURELY_NOT_SET_42}}")
                        .says("osmigrate.env.dst.password needs the environment variable OSM_SURELY_NOT_SET_42"),
                run("a URL that is not JDBC", SPEC).config("osmigrate.env.dst.url", "postgres://qa/os")
                        .says("osmigrate.env.dst.url must be a JDBC URL"),
                run("a pool too small for the writers", SPEC).config("osmigrate.env.dst.pool-size", "2")
                        .says("osmigrate.env.dst.pool-size is 2", "raise the pool size to 3"),
                number("osmigrate.batch-size", "0", "1..100000"),
                number("osmigrate.batch-size", "100001", "1..100000"),
                number("osmigrate.batch-size", "5000.5", "1..100000"),
                number("osmigrate.batch-size", "", "1..100000"),
                number("osmigrate.writers", "0", "1..16"),
                number("osmigrate.writers", "17", "1..16"),
                number("osmigrate.fetch-size", "0", "1..1000000"),
                number("osmigrate.fetch-size", "1000001", "1..1000000"),
                number("osmigrate.keymap.cache-size", "999", "1000 or more"),
                number("osmigrate.progress-interval-seconds", "0", "1 or more"),
                number("osmigrate.env.dst.pool-size", "0", "1..64"),
                number("osmigrate.env.dst.pool-size", "65", "1..64"),
                number("osmigrate.env.src.connect-timeout-seconds", "0", "1..600"),
                number("osmigrate.env.src.connect-timeout-seconds", "601", "1..600"),
                number("osmigrate.http.port", "0", "1..65535"),
                number("osmigrate.http.port", "65536", "1..65535"),
                number("osmigrate.management.port", "0", "1..65535"),
                number("osmigrate.management.port", "65536", "1..65535"),
                run("the management server switched on with a word it does not take", SPEC)
                        .config("osmigrate.management.enabled", "yes")
                        .says("$CONFIG: osmigrate.management.enabled is 'yes'; allowed: true, false"),
                run("a management address left empty", SPEC).config("osmigrate.management.host", "")
                        .says("$CONFIG: osmigrate.management.host has no value"),
                run("the management server on the HTTP trigger's port", SPEC)
                        .config("osmigrate.http.token", "{{env:OSM_SURELY_NOT_SET_42:0123456789abcdef-long}}")
                        .config("osmigrate.http.port", "8090").config("osmigrate.management.port", "8090")
                        .says("$CONFIG: osmigrate.management.port is 8090, the port of the HTTP trigger"),
                number("osmigrate.cluster.heartbeat-seconds", "0", "1..60"),
                number("osmigrate.cluster.heartbeat-seconds", "61", "1..60"),
                run("an HTTP token written in the file", SPEC).config("osmigrate.http.token", "a-token-anyone-can-read-here")
                        .says("$CONFIG: osmigrate.http.token must come from the environment, as {{env:VARIABLE}}"),
                run("an HTTP token too short to be safe", SPEC).config("osmigrate.http.token", "{{env:OSM_SURELY_NOT_SET_42:short}}")
                        .says("$CONFIG: osmigrate.http.token is shorter than 16 characters"),
                run("an HTTP address left empty", SPEC).config("osmigrate.http.host", "")
                        .says("$CONFIG: osmigrate.http.host has no value"),
                run("a traced entity that is not Module.Entity", SPEC).config("osmigrate.trace.entities", "OrdersCore.Order, Order")
                        .says("$CONFIG: osmigrate.trace.entities: 'Order' is not an entity", "Module.Entity"),
                run("a traced route pattern that is no pattern", SPEC).config("osmigrate.trace.routes", "*-write")
                        .says("$CONFIG: osmigrate.trace.routes: '*-write' is neither an id, a prefix ending in *, nor a regular"),
                run("a cluster folder that is a file", SPEC).config("osmigrate.cluster.folder", "$DIR/a-file").file("a-file", "x")
                        .says("osmigrate.cluster.folder is $DIR/a-file, which is a file"),

                // command-line arguments
                command("dead-letters before any run", "dead-letters")
                        .says("there is no state store yet: $DIR/data/state/osmigrate", "$CONFIG", "does not exist"),
                command("runs before any run", "runs")
                        .says("there is no state store yet: $DIR/data/state/osmigrate", "$CONFIG", "does not exist"),
                command("report before any run", "report", "20260101-020000-1a2b3c4d")
                        .says("there is no state store yet: $DIR/data/state/osmigrate", "$CONFIG", "does not exist"),
                command("replay before any run", "replay", "20260101-020000-1a2b3c4d")
                        .says("there is no state store yet: $DIR/data/state/osmigrate", "$CONFIG", "does not exist"),
                command("report of something that is no run id", "report", "../../etc").says("'../../etc' is not a run id"),
                command("runs --limit 0", "runs", "--limit", "0").says("--limit is 0; give 1 or more"),
                command("runs in a format there is not", "runs", "--format", "xml").says("--format", "xml", "TEXT, JSON, CSV"),
                command("dead-letters in a format there is not", "dead-letters", "--format", "yaml").says("--format", "yaml"),
                command("demo --rows -1", "demo", "--rows", "-1").says("--rows is -1; allowed: 1 or more"),
                command("demo --rows 0", "demo", "--rows", "0").says("--rows is 0"),
                command("demo --rows that is not a number", "demo", "--rows", "many").says("--rows", "many"),
                command("plan --json naming a folder", "plan", "$SPEC", "--json", "$DIR").says("--json is $DIR, which is a folder"),
                command("plan --json under a file", "plan", "$SPEC", "--json", "$DIR/a-file/plan.json").file("a-file", "x")
                        .says("--json is $DIR/a-file/plan.json, but $DIR/a-file is a file"),
                command("plan without a spec", "plan").says("SPEC"),
                command("run --phases with an unknown phase", "run", "$SPEC", "--phases", "data,copy")
                        .says("unknown phase 'copy'", "statics, triggers-off, users, clean, bpt, data, events, verify"),
                command("run --sample -1", "run", "$SPEC", "--sample", "-1").says("--sample is -1; allowed: 0 or more"),
                command("run --sample that is not a number", "run", "$SPEC", "--sample", "all").says("--sample", "all"),

                // a plan that blocks: exit 3, and a run that never started has no id to print
                run("a run whose plan is blocked", "source: src\ndestination: dst\nscope: {applications: [Orders]}\n").exits(3)
                        .says("Not run: spec spec: src → dst", "the plan has blocking errors; nothing was written"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsExitCodeAndAMessageAndNothingIsWritten(Case c) throws Exception {
        Path config = dir.resolve("application.properties");
        Path spec = dir.resolve("spec.yaml");
        Map<String, String> properties = new LinkedHashMap<>(baseConfig);
        properties.putAll(c.config());
        StringBuilder text = new StringBuilder();
        properties.forEach((k, v) -> text.append(k).append(" = ").append(c.fill(v, dir, config, spec)).append('\n'));
        Files.writeString(config, text);
        if (c.spec() != null) {
            Files.writeString(spec, c.fill(c.spec(), dir, config, spec));
        }
        for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        Map<String, String> filesBefore = files(dir);
        Map<String, Long> rowsBefore = destinationRows();

        CliRun.Result result = CliRun.execute(c.arguments(dir, config, spec));
        String said = result.err() + result.out();

        assertThat(result.exitCode()).as("exit code; it said: " + said).isEqualTo(c.exitCode());
        for (String word : c.words()) {
            assertThat(said).contains(c.fill(word, dir, config, spec));
        }
        assertThat(said).as("Java's words").doesNotContain(FORBIDDEN).doesNotContainPattern("\\bnull\\b");
        assertThat(files(dir)).as("the files in the row's folder").isEqualTo(filesBefore);
        assertThat(destinationRows()).as("the rows of every destination table").isEqualTo(rowsBefore);
    }

    /** The checks above see writes: a valid run, checked the same way, makes the state store and moves rows. */
    @Test
    void theChecksSeeWhatAValidRunWrites() throws Exception {
        Path config = dir.resolve("application.properties");
        StringBuilder text = new StringBuilder();
        baseConfig.forEach((k, v) -> text.append(k).append(" = ").append(v.replace("$DIR", dir.toString())).append('\n'));
        Files.writeString(config, text);
        Path spec = Files.writeString(dir.resolve("spec.yaml"), SPEC);
        Map<String, String> filesBefore = files(dir);
        Map<String, Long> rowsBefore = destinationRows();

        assertThat(CliRun.execute("--config", config.toString(), "run", spec.toString()).exitCode()).isIn(0, 1);

        assertThat(files(dir)).isNotEqualTo(filesBefore);
        assertThat(files(dir).keySet()).as("the state store's files").anyMatch(f -> f.startsWith("data/state/"));
        assertThat(destinationRows()).isNotEqualTo(rowsBefore);
    }

    /** Every file under the folder with its size and modification time. */
    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.size(p) + " bytes, " + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    /** The row count of every table of the destination, the platform's included. */
    private static Map<String, Long> destinationRows() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = fixture.writableDestination(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
                while (rs.next()) {
                    tables.add("\"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\"");
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    rows.put(table, rs.getLong(1));
                }
            }
        }
        assertThat(rows).as("destination tables").hasSizeGreaterThan(10);
        return rows;
    }

    private static Case run(String name, String spec) {
        return new Case(name, spec, Map.of(), Map.of(), List.of("run", "$SPEC"), 2, List.of());
    }

    private static Case command(String name, String... arguments) {
        return new Case(name, SPEC, Map.of(), Map.of(), List.of(arguments), 2, List.of());
    }

    /** A numeric setting given a value outside what it allows. */
    private static Case number(String key, String value, String allowed) {
        return run(key + " = " + value, SPEC).config(key, value).says("$CONFIG: " + key + " is '" + value + "'; allowed: " + allowed);
    }

    /**
     * One bad input: the spec (null for none, or when a file gives it), the configuration's changes, more files
     * in the row's folder, the command's arguments, the exit code and the words the message must contain.
     */
    record Case(String name, String spec, Map<String, String> config, Map<String, byte[]> files, List<String> args,
                int exitCode, List<String> words) {

        Case config(String key, String value) {
            Map<String, String> more = new LinkedHashMap<>(config);
            more.put(key, value);
            return new Case(name, spec, more, files, args, exitCode, words);
        }

        Case file(String path, String content) {
            return file(path, content.getBytes(StandardCharsets.UTF_8));
        }

        Case file(String path, byte[] content) {
            Map<String, byte[]> more = new LinkedHashMap<>(files);
            more.put(path, content);
            return new Case(name, spec, config, more, args, exitCode, words);
        }

        Case exits(int code) {
            return new Case(name, spec, config, files, args, code, words);
        }

        Case says(String... more) {
            List<String> all = new ArrayList<>(words);
            all.addAll(List.of(more));
            return new Case(name, spec, config, files, args, exitCode, all);
        }

        String fill(String text, Path dir, Path config, Path spec) {
            return text.replace("$CONFIG", config.toString()).replace("$SPEC", spec.toString()).replace("$DIR", dir.toString());
        }

        String[] arguments(Path dir, Path config, Path spec) {
            List<String> all = new ArrayList<>();
            if (!args.contains("--config")) {
                all.addAll(List.of("--config", "$CONFIG"));
            }
            all.addAll(args);
            return all.stream().map(a -> fill(a, dir, config, spec)).toArray(String[]::new);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
