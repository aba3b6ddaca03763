package io.osmigrate.sample;

import io.osmigrate.sample.ModelTypes.Entity;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the OSEVT_* table of every BPT-triggered entity, application and system ones alike: the platform's
 * six columns (no primary key, as OutSystems makes them), the entity's identifier (NULL in an "any record"
 * subscription) and the columns of the attributes the model names for it.
 */
final class EventDdl {

    /** The platform's columns of every OSEVT_* table, in order. */
    static final String[] PLATFORM_COLUMNS = {"_ESPACE_ID", "_TENANT_ID", "_ACTIVITY_ID", "_PROCESS_DEF_ID", "_IS_UPDATE",
        "_IS_LIGHT"};

    private EventDdl() {
    }

    static void create(Connection c, Engine engine, SampleModel model) throws SQLException {
        String flag = engine.flagType();
        try (Statement s = c.createStatement()) {
            for (Entity e : model.entities()) {
                if (e.eventTable() == null) {
                    continue;
                }
                StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(e.eventTable())
                        .append(" (_ESPACE_ID INT, _TENANT_ID INT, _ACTIVITY_ID INT, _PROCESS_DEF_ID INT, _IS_UPDATE ")
                        .append(flag).append(", _IS_LIGHT ").append(flag).append(", ")
                        .append(e.identifier().column()).append(' ').append(ApplicationDdl.sqlType(engine, e.identifier()));
                for (String attribute : e.eventAttributes()) {
                    ModelTypes.Attribute a = e.attribute(attribute);
                    ddl.append(", ").append(a.column()).append(' ').append(ApplicationDdl.sqlType(engine, a));
                }
                s.execute(ddl.append(')').toString());
            }
        }
    }
}
