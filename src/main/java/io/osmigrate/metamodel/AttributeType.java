package io.osmigrate.metamodel;

import java.util.Optional;

/**
 * The decoded OSSYS_ENTITY_ATTR.TYPE: a basic type ("rtText", …) or a reference
 * ("bt" + target espace SS_Key + "*" + target entity SS_Key, normally 75 characters long).
 *
 * @param code   the TYPE text as stored
 * @param basic  the basic type, or {@link OsType#REFERENCE} for references
 * @param target the referenced entity for references, else null
 */
public record AttributeType(String code, OsType basic, EntityKey target) {

    public static AttributeType parse(String code) {
        String text = code == null ? "" : code.trim();
        if (text.length() > 3 && text.regionMatches(true, 0, "bt", 0, 2)) {
            int star = text.indexOf('*', 2);
            if (star > 2 && star < text.length() - 1) {
                return new AttributeType(text, OsType.REFERENCE,
                        new EntityKey(text.substring(2, star), text.substring(star + 1)));
            }
        }
        return new AttributeType(text, OsType.ofBasic(text), null);
    }

    public boolean isReference() {
        return target != null;
    }

    /** Types that compare equal for drift purposes: same basic type, or references to the same target. */
    public boolean sameAs(AttributeType other) {
        return basic == other.basic && java.util.Objects.equals(target, other.target);
    }
}
