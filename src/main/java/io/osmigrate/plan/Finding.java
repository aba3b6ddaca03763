package io.osmigrate.plan;

/**
 * Something the planner noticed: drift between the environments, a scope decision, a blocking problem.
 *
 * @param code    stable identifier for tooling, e.g. "attribute-missing-in-destination"
 * @param subject what it is about, e.g. "OrdersCore.Customer.Name"
 */
public record Finding(Severity severity, String code, String subject, String message) {

    public static Finding error(String code, String subject, String message) {
        return new Finding(Severity.ERROR, code, subject, message);
    }

    public static Finding warning(String code, String subject, String message) {
        return new Finding(Severity.WARNING, code, subject, message);
    }

    public static Finding info(String code, String subject, String message) {
        return new Finding(Severity.INFO, code, subject, message);
    }
}
