package io.osmigrate.metamodel;

import java.util.Locale;

/** The basic OutSystems data types (TYPE = "rt" + name), plus REFERENCE for "bt…" types. */
public enum OsType {
    TEXT("rtText"), INTEGER("rtInteger"), LONG_INTEGER("rtLongInteger"), DECIMAL("rtDecimal"),
    CURRENCY("rtCurrency"), BOOLEAN("rtBoolean"), DATE("rtDate"), TIME("rtTime"), DATE_TIME("rtDateTime"),
    EMAIL("rtEmail"), PHONE_NUMBER("rtPhoneNumber"), BINARY_DATA("rtBinaryData"),
    ENTITY_REFERENCE("rtEntityReference"), REFERENCE("bt"), UNKNOWN("?");

    private final String code;

    OsType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isText() {
        return this == TEXT || this == EMAIL || this == PHONE_NUMBER;
    }

    public static OsType ofBasic(String typeCode) {
        if (typeCode != null) {
            String t = typeCode.trim().toLowerCase(Locale.ROOT);
            for (OsType type : values()) {
                if (type.code.toLowerCase(Locale.ROOT).equals(t)) {
                    return type;
                }
            }
        }
        return UNKNOWN;
    }
}
