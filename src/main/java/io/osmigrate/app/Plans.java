package io.osmigrate.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.osmigrate.env.Environment;
import io.osmigrate.env.Side;
import io.osmigrate.metamodel.MetamodelReader;
import io.osmigrate.plan.EnvironmentView;
import io.osmigrate.plan.Plan;
import io.osmigrate.plan.Planner;
import io.osmigrate.spec.MigrationSpec;

/** Makes the plan of a spec against its two environments. Reads only: nothing is written anywhere. */
public final class Plans {

    private Plans() {
    }

    public static Plan make(OsmRuntime runtime, MigrationSpec spec) {
        Environment source = runtime.environment(spec.source(), Side.SOURCE);
        Environment destination = runtime.environment(spec.destination(), Side.DESTINATION);
        return Planner.plan(spec, view(source), view(destination), runtime.settings().batchSize());
    }

    public static EnvironmentView view(Environment env) {
        return new EnvironmentView(env.name(), env.dialect().name(), MetamodelReader.read(env), env.catalog(),
                table -> count(env, table));
    }

    private static long count(Environment env, String table) {
        try (Connection c = env.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + env.dialect().quote(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw env.failure("cannot count the rows of " + table, e, "Check that the user may read it");
        }
    }
}
