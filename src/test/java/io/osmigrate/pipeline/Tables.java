package io.osmigrate.pipeline;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import io.osmigrate.dialect.ColumnInfo;
import io.osmigrate.dialect.InsertTarget;
import io.osmigrate.dialect.ValueKind;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.plan.IdentifierKind;
import io.osmigrate.spec.ConflictPolicy;
import io.osmigrate.spec.UnresolvedPolicy;

/** Small table plans for the stage tests: slots of a given source, read from the source row's columns in order. */
final class Tables {

    static final EntityRef ORDER = new EntityRef("Shop", "Order", "e1", "o1");

    private Tables() {
    }

    static Slot slot(String name, SlotSource source, boolean mandatory, int sourceIndex) {
        return new Slot(name, new ColumnInfo(name.toUpperCase(), Types.BIGINT, "bigint", 19, 0, !mandatory, false, null),
                sourceIndex, source, mandatory);
    }

    static TablePlan plan(int batchSize, UnresolvedPolicy unresolved, IdentifierKind identifier, Slot... slots) {
        List<String> read = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (Slot s : slots) {
            if (s.sourceIndex() >= 0) {
                read.add(s.destination().name());
                kinds.add(ValueKind.LONG);
            }
        }
        ColumnInfo id = new ColumnInfo("ID", Types.BIGINT, "bigint", 19, 0, false, true, null);
        return new TablePlan("Shop.Order", Phase.DATA, ORDER, 1, new TableRead("OSUSR_ORDER", "ID", ValueKind.LONG, read, kinds),
                List.of(slots), new InsertTarget("OSUSR_ORDER", id, identifier == IdentifierKind.AUTONUMBER,
                List.of(slots).stream().map(Slot::destination).toList()), TableIdentifier.of(identifier), List.of(), batchSize,
                unresolved, ConflictPolicy.DEAD_LETTER, 0);
    }
}
