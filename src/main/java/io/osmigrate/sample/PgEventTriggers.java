package io.osmigrate.sample;

import io.osmigrate.sample.ModelTypes.Entity;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * On PostgreSQL, the triggers OutSystems publishes on BPT-triggered tables ({@code OSTRG_EI__<table>}): after
 * rows are inserted or updated, one event per matching subscription of the entity's OSEVT_* table goes to
 * OSSYS_BPM_EVENT_QUEUE (OSSYS_BPM_EVENT for Light BPT). A subscription matches when its _IS_UPDATE says
 * whether this is an update, its ID is empty or the row's, and (on tables with a TENANT_ID) its _TENANT_ID is
 * empty, 0 or the row's. Statement-level, reading the new rows as a transition table, as OutSystems' SQL Server
 * triggers read INSERTED; PostgreSQL gives a transition table to a one-event trigger only, so updates have a
 * second trigger, {@code OSTRG_EU__<table>}. Deleting rows queues nothing.
 */
final class PgEventTriggers {

    private PgEventTriggers() {
    }

    static void create(Connection c, SampleModel model) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Entity e : model.entities()) {
                if (e.active() && e.eventTable() != null) {
                    create(s, e);
                }
            }
        }
    }

    private static void create(Statement s, Entity e) throws SQLException {
        String table = e.upperTable();
        String id = e.identifier().column();
        boolean tenanted = e.multitenant() || e.eventAttributes().stream()
                .anyMatch(a -> e.attribute(a).column().equalsIgnoreCase("TENANT_ID"));
        String match = " FROM inserted i JOIN " + e.eventTable() + " ev ON ev._IS_UPDATE = (CASE WHEN TG_OP = 'UPDATE' THEN 1"
                + " ELSE 0 END) AND (ev." + id + " IS NULL OR ev." + id + " = i." + id + ")"
                + (tenanted ? " AND (ev._TENANT_ID IS NULL OR ev._TENANT_ID = 0 OR ev._TENANT_ID = i.TENANT_ID)" : "");
        String tenant = tenanted ? "COALESCE(NULLIF(ev._TENANT_ID, 0), i.TENANT_ID)" : "ev._TENANT_ID";
        String function = ("ostrg_ei__" + table).toLowerCase(Locale.ROOT);
        s.execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " INSERT INTO OSSYS_BPM_EVENT_QUEUE (ESPACE_ID, TENANT_ID, ACTIVITY_ID, PROCESS_DEF_ID, DATA_ID,"
                + " ENQUEUE_TIME, ERROR_COUNT, NEXT_RUN) SELECT ev._ESPACE_ID, " + tenant + ", ev._ACTIVITY_ID,"
                + " ev._PROCESS_DEF_ID, CAST(i." + id + " AS VARCHAR(50)), now(), 0, now()" + match + " AND ev._IS_LIGHT = 0;"
                + " INSERT INTO OSSYS_BPM_EVENT (ESPACE_ID, TENANT_ID, ACTIVITY_ID, PROCESS_DEF_ID, ENTITY_RECORD_ID,"
                + " ENQUEUE_TIME, ERROR_COUNT, NEXT_RUN) SELECT ev._ESPACE_ID, " + tenant + ", ev._ACTIVITY_ID,"
                + " ev._PROCESS_DEF_ID, CAST(i." + id + " AS VARCHAR(50)), now(), 0, now()" + match + " AND ev._IS_LIGHT = 1;"
                + " RETURN NULL; END $$");
        s.execute("CREATE TRIGGER OSTRG_EI__" + table + " AFTER INSERT ON " + e.sqlTable()
                + " REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION " + function + "()");
        s.execute("CREATE TRIGGER OSTRG_EU__" + table + " AFTER UPDATE ON " + e.sqlTable()
                + " REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION " + function + "()");
    }
}
