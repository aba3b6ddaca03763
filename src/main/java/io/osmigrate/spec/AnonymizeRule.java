package io.osmigrate.spec;

import java.math.BigDecimal;

/**
 * One entry of a spec's {@code anonymize}: the method and its parameters.
 *
 * @param days  for {@link AnonymizeMethod#DATE_SHIFT}: the largest shift, in days
 * @param min   for {@link AnonymizeMethod#NUMBER_RANGE}: the lower bound
 * @param max   for {@link AnonymizeMethod#NUMBER_RANGE}: the upper bound
 * @param fixed for {@link AnonymizeMethod#FIXED}: the value, as text
 */
public record AnonymizeRule(AnonymizeMethod method, Integer days, BigDecimal min, BigDecimal max, String fixed) {

    public static AnonymizeRule of(AnonymizeMethod method) {
        return new AnonymizeRule(method, null, null, null, null);
    }

    /** How the plan shows it, e.g. "dateShift 30", "numberRange 0..100", "fixed". */
    public String describe() {
        return switch (method) {
            case DATE_SHIFT -> method.wire() + " " + days;
            case NUMBER_RANGE -> method.wire() + " " + min.toPlainString() + ".." + max.toPlainString();
            default -> method.wire();
        };
    }
}
