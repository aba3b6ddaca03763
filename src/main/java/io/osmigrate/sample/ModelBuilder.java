package io.osmigrate.sample;

import io.osmigrate.sample.ModelTypes.Attribute;
import io.osmigrate.sample.ModelTypes.ColumnKind;
import io.osmigrate.sample.ModelTypes.Entity;
import io.osmigrate.sample.ModelTypes.StaticRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small fluent builder for {@link SampleModel}: entities are declared in any order, and {@link #build()}
 * then derives SS_Keys, reference TYPEs and the physical type of every FK column from its target, so a
 * definition can reference an entity declared after it (Customer → Address).
 */
final class ModelBuilder {

    private final Side side;
    private final List<EntityDef> defs = new ArrayList<>();

    ModelBuilder(Side side) {
        this.side = side;
    }

    EntityDef system(String name, String table) {
        EntityDef d = new EntityDef(SampleSolution.SERVICE_CENTER, name, table);
        d.system = true;
        defs.add(d);
        return d;
    }

    EntityDef entity(String module, String name) {
        return entity(module, name, null);
    }

    EntityDef entity(String module, String name, String table) {
        String physical = table != null ? table
                : "OSUSR_" + SampleModel.moduleCode(side, module).toLowerCase(Locale.ROOT) + "_" + name;
        EntityDef d = new EntityDef(module, name, physical);
        defs.add(d);
        return d;
    }

    /** A static entity with OutSystems' default attributes Id, Label, Order, Is_Active. */
    EntityDef staticEntity(String module, String name, List<StaticRecord> records) {
        EntityDef d = entity(module, name);
        d.isStatic = true;
        d.records = List.copyOf(records);
        d.autoId(false).text("Label", 50, true).integer("Order").bool("Is_Active");
        d.last.mandatory = true;
        return d;
    }

    List<Entity> build() {
        List<Entity> result = new ArrayList<>();
        for (EntityDef d : defs) {
            List<Attribute> attributes = new ArrayList<>();
            for (AttrDef a : d.attrs) {
                attributes.add(resolve(d, a));
            }
            result.add(new Entity(d.module, d.name, SampleSolution.entitySsKey(d.module, d.keyName), d.table,
                    d.isStatic, d.system, d.active, d.multitenant, d.eventTable, d.eventAttributes, List.copyOf(attributes),
                    d.records));
        }
        return List.copyOf(result);
    }

    private Attribute resolve(EntityDef owner, AttrDef a) {
        String key = SampleSolution.attributeSsKey(owner.module, owner.keyName, a.name);
        if (a.refModule == null) {
            return new Attribute(a.name, key, a.type, a.column, a.kind, a.length, a.decimals, a.mandatory,
                    a.autonumber, "Protect", a.defaultValue, a.active, null, null, a.columnDefault);
        }
        AttrDef targetId = target(a.refModule, a.refEntity).attrs.get(0);
        // an FK column has the type of the key it points at; only a text key gives the reference a length
        int length = targetId.kind == ColumnKind.TEXT ? targetId.length : 0;
        return new Attribute(a.name, key, SampleSolution.referenceType(a.refModule, a.refEntity), a.column,
                targetId.kind, length, 0, a.mandatory, false, a.deleteRule, a.defaultValue, a.active,
                a.refModule, a.refEntity, a.columnDefault);
    }

    private EntityDef target(String module, String name) {
        for (EntityDef d : defs) {
            if (d.active && d.module.equals(module) && d.name.equals(name)) {
                return d;
            }
        }
        throw new IllegalStateException("reference to undeclared entity " + module + "." + name);
    }

    /** One entity under construction; attribute modifiers ({@link #column}, {@link #inactive}) act on the last one. */
    static final class EntityDef {
        private final String module;
        private final String name;
        private final String table;
        private String keyName;
        private boolean isStatic;
        private boolean system;
        private boolean active = true;
        private boolean multitenant;
        private String eventTable;
        private List<String> eventAttributes = List.of();
        private List<StaticRecord> records = List.of();
        private final List<AttrDef> attrs = new ArrayList<>();
        private AttrDef last;

        private EntityDef(String module, String name, String table) {
            this.module = module;
            this.name = name;
            this.table = table;
            this.keyName = name;
        }

        /** Derive SS_Keys from another name: a second entity row with the same NAME needs its own keys. */
        EntityDef keyName(String value) {
            keyName = value;
            return this;
        }

        EntityDef inactiveEntity() {
            active = false;
            return this;
        }

        EntityDef multitenant() {
            multitenant = true;
            return this;
        }

        /** BPT triggers on this entity: its OSEVT_* table, which also carries the named attributes' columns. */
        EntityDef events(String eventTableName, String... attributes) {
            eventTable = eventTableName;
            eventAttributes = List.of(attributes);
            return this;
        }

        /** The autonumber identifier {@code Id}: Long Integer (new entities) or Integer (system and static). */
        EntityDef autoId(boolean longInteger) {
            add("Id", longInteger ? "rtLongInteger" : "rtInteger", longInteger ? ColumnKind.BIGINT : ColumnKind.INT,
                    0, 0, true);
            last.autonumber = true;
            return this;
        }

        EntityDef text(String attr, int length, boolean mandatory) {
            // OutSystems stores texts of 2000 characters and more as NVARCHAR(MAX)
            return add(attr, "rtText", length >= 2000 ? ColumnKind.LONG_TEXT : ColumnKind.TEXT, length, 0, mandatory);
        }

        EntityDef email(String attr, int length) {
            return add(attr, "rtEmail", ColumnKind.TEXT, length, 0, false);
        }

        EntityDef phone(String attr, int length) {
            return add(attr, "rtPhoneNumber", ColumnKind.TEXT, length, 0, false);
        }

        EntityDef integer(String attr) {
            return add(attr, "rtInteger", ColumnKind.INT, 0, 0, false);
        }

        EntityDef longInteger(String attr) {
            return add(attr, "rtLongInteger", ColumnKind.BIGINT, 0, 0, false);
        }

        EntityDef decimal(String attr, int precision, int scale) {
            return add(attr, "rtDecimal", ColumnKind.DECIMAL, precision, scale, false);
        }

        EntityDef currency(String attr) {
            return add(attr, "rtCurrency", ColumnKind.DECIMAL, 37, 8, false);
        }

        EntityDef bool(String attr) {
            return add(attr, "rtBoolean", ColumnKind.BOOLEAN, 0, 0, false);
        }

        EntityDef date(String attr) {
            return add(attr, "rtDate", ColumnKind.DATE, 0, 0, false);
        }

        EntityDef time(String attr) {
            return add(attr, "rtTime", ColumnKind.TIME, 0, 0, false);
        }

        EntityDef dateTime(String attr) {
            return add(attr, "rtDateTime", ColumnKind.DATETIME, 0, 0, false);
        }

        EntityDef binary(String attr) {
            return add(attr, "rtBinaryData", ColumnKind.BINARY, 0, 0, false);
        }

        EntityDef ref(String attr, String targetModule, String targetEntity, boolean mandatory, String deleteRule) {
            add(attr, null, null, 0, 0, mandatory);
            last.refModule = targetModule;
            last.refEntity = targetEntity;
            last.deleteRule = deleteRule;
            return this;
        }

        EntityDef column(String physicalName) {
            last.column = physicalName;
            return this;
        }

        EntityDef inactive() {
            last.active = false;
            return this;
        }

        /** DEFAULT_VALUE as the metamodel stores it, and the column's SQL default. */
        EntityDef defaults(String metamodelDefault, String sqlDefault) {
            last.defaultValue = metamodelDefault;
            last.columnDefault = sqlDefault;
            return this;
        }

        private EntityDef add(String attr, String type, ColumnKind kind, int length, int decimals, boolean mandatory) {
            AttrDef a = new AttrDef();
            a.name = attr;
            a.type = type;
            a.kind = kind;
            a.length = length;
            a.decimals = decimals;
            a.mandatory = mandatory;
            a.column = attr.toUpperCase(Locale.ROOT);
            attrs.add(a);
            last = a;
            return this;
        }
    }

    private static final class AttrDef {
        private String name;
        private String type;
        private String column;
        private ColumnKind kind;
        private int length;
        private int decimals;
        private boolean mandatory;
        private boolean autonumber;
        private boolean active = true;
        private String deleteRule;
        private String defaultValue;
        private String columnDefault;
        private String refModule;
        private String refEntity;
    }
}
