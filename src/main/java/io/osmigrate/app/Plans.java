package io.osmigrate.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.ToLongFunction;

import io.osmigrate.config.ConfigException;
import io.osmigrate.env.Environment;
import io.osmigrate.metamodel.BptDefinitions;
import io.osmigrate.metamodel.MetamodelReader;
import io.osmigrate.plan.BptSources;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.plan.EnvironmentView;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.AnonymizePlanner;
import io.osmigrate.plan.Planner;
import io.osmigrate.plan.PossibleSoftKeys;
import io.osmigrate.plan.SubsetResolver;
import io.osmigrate.plan.TriggeredTables;
import io.osmigrate.plan.UnpairedDestinationRows;
import io.osmigrate.spec.MigrationSpec;
import io.osmigrate.state.KeyMap;
import io.osmigrate.state.StateStore;
import io.osmigrate.users.UserResolution;
import io.osmigrate.users.UsersPlanner;

/**
 * Makes the plan of a spec against its two environments, its users part included (which reads the user,
 * role and group tables, and the users the moved rows reference). Reads only: nothing is written anywhere. Refuses,
 * before reading anything else, a destination declared read-only and a source and destination that are one database.
 */
public final class Plans {

    private Plans() {
    }

    /**
     * A plan with what it was made from (the metamodels and catalogs of both environments) and the decisions
     * of its users phase.
     */
    public record Planned(Plan plan, EnvironmentView source, EnvironmentView destination, UserResolution users,
                          BptSources bpt) {
    }

    public static Plan make(OsmRuntime runtime, MigrationSpec spec) {
        return prepare(runtime, spec, spec.clean()).plan();
    }

    public static Planned prepare(OsmRuntime runtime, MigrationSpec spec, boolean clean) {
        SpecEnvironments environments = runtime.environments(spec);
        Environment source = environments.source();
        Environment destination = environments.destination();
        EnvironmentView src = view(source);
        EnvironmentView dst = view(destination);
        BptSources bpt = new BptSources(BptDefinitions.read(source, src.metamodel()),
                BptDefinitions.read(destination, dst.metamodel()), source.dialect()::quote,
                (table, condition) -> count(source, table, condition));
        Plan plan = Planner.plan(spec, src, dst, runtime.settings().batchSize(), clean, bpt);
        plan = AnonymizePlanner.apply(plan, spec, dst);
        if (!spec.anonymize().isEmpty() && runtime.settings().anonymizeKey().isEmpty()) {
            throw new ConfigException(spec.file() + ": anonymize needs a secret key, and " + runtime.settings().origin()
                    + " sets no osmigrate.anonymize.key; add osmigrate.anonymize.key = {{env:OSM_ANONYMIZE_KEY}} and set that"
                    + " variable to a long random value, e.g. from: openssl rand -hex 32");
        }
        if (plan.runnable()) {
            plan = SubsetResolver.apply(plan, spec, new SourceScan(source));
            plan = plan.withFindings(PossibleSoftKeys.findings(plan, new SourceScan(source, "cannot read the values of"
                    + " attributes that look like soft keys", "Check that the user may read the tables")));
        }
        UsersPlanner.UsersPreparation users = UsersPlanner.prepare(spec, plan, source, destination, src.metamodel(),
                dst.metamodel());
        plan = plan.withUsers(users.plan(), users.findings());
        plan = TriggeredTables.apply(plan, dst);
        if (!clean) {
            plan = plan.withFindings(UnpairedDestinationRows.findings(plan, pairedRows(runtime, source, destination)));
            KeyMap keyMap = StateStore.exists(runtime.settings()) ? runtime.state().keyMap() : null;
            plan = plan.withFindings(PredictedConflicts.findings(plan, source, destination, keyMap));
        }
        return new Planned(plan, src, dst, users.resolution(), bpt);
    }

    /** Pairs per moved entity from the state store; none at all when there is no state store yet (none is made). */
    private static ToLongFunction<EntityRef> pairedRows(OsmRuntime runtime, Environment source, Environment destination) {
        if (!StateStore.exists(runtime.settings())) {
            return entity -> 0;
        }
        KeyMap keyMap = runtime.state().keyMap();
        return entity -> keyMap.movedPairs(source.name(), destination.name(), entity);
    }

    public static EnvironmentView view(Environment env) {
        return new EnvironmentView(env.name(), env.dialect().name(), MetamodelReader.read(env), env.catalog(),
                table -> count(env, table));
    }

    private static long count(Environment env, String table) {
        return count(env, table, null);
    }

    /** Rows of a table, or of those a condition (in the environment's SQL) selects. */
    private static long count(Environment env, String table, String condition) {
        try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + env.dialect().quote(table)
                     + (condition == null ? "" : " WHERE " + condition))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw env.failure("cannot count the rows of " + table, e, "Check that the user may read it");
        }
    }
}
