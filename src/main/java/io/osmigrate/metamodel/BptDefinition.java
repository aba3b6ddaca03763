package io.osmigrate.metamodel;

/**
 * One BPT definition row of one environment (a process, its inputs and outputs, an activity, an activity's
 * outputs), matched across environments by (espace SS_Key, definition SS_Key); or a status or activity kind,
 * matched by name ({@code ssKey} holds the name, {@code espaceKey} is empty).
 *
 * @param table    the definition table, e.g. OSSYS_BPM_PROCESS_DEFINITION
 * @param process  the id of the process definition it belongs to (its own id for a process definition; -1
 *                 for statuses and kinds)
 * @param terminal a status that ends a process or activity (false for definitions)
 * @param type     an input's or output's SS_TYPE ("bt&lt;espace&gt;*&lt;entity&gt;" for a reference), else null
 */
public record BptDefinition(String table, long id, String espaceKey, String ssKey, String name, long process,
                            boolean active, boolean terminal, String type) {

    /** What identifies it in every environment. */
    public String matchKey() {
        return espaceKey + "/" + ssKey;
    }
}
