package io.osmigrate.pipeline;

/**
 * Names of the table pipeline's headers, exchange properties, endpoints, templates and pools, in one
 * place. Every record message carries the run, phase, table and source id headers, so a traced or
 * logged message says which record it is.
 */
public final class PipelineHeaders {

    /** Exchange property: the {@link TableRun} a table route is moving. */
    public static final String TABLE = "OsmTable";
    /** Exchange property: the dead letters of a batch, split to the dead-letter channel after the batch. */
    public static final String REJECTED = "OsmRejected";
    /** Exchange property: the ids of the traced steps a message went through, in order ({@link StepTracer}). */
    public static final String STEPS = "OsmSteps";
    /** Header: the run id. */
    public static final String RUN_ID = "OsmRunId";
    /** Header: the phase ("data", "lookup", "deferred", "refresh", "verify"). */
    public static final String PHASE = "OsmPhase";
    /** Header: the table, e.g. "OrdersCore.Order". */
    public static final String ENTITY = "OsmEntity";
    /** Header: the record's source identifier (record messages and dead letters). */
    public static final String SOURCE_ID = "OsmSourceId";

    /** Route template: a table whose rows are inserted (and their pairs recorded). */
    public static final String INSERT_TEMPLATE = "table-insert";
    /** Route template: a looked-up table, whose rows are matched to destination rows. */
    public static final String LOOKUP_TEMPLATE = "table-lookup";
    /** Route template: a table whose deferred references are set on rows already written. */
    public static final String UPDATE_TEMPLATE = "table-update";
    /** Route template: a table whose rows moved before are brought up to date with their source. */
    public static final String REFRESH_TEMPLATE = "table-refresh";
    /** Route template: a table whose moved rows are compared, by value, with their destination rows (verify). */
    public static final String RECONCILE_TEMPLATE = "table-reconcile";
    /** The registry name of the writers' thread pool that every table route hands its batches to. */
    public static final String WRITERS = "osmWriters";
    /** The registry name of the readers' thread pool: a table's source is read there, ahead of its writers. */
    public static final String READERS = "osmReaders";
    /** The dead-letter channel's endpoint. */
    public static final String DEAD_LETTER_ENDPOINT = "direct:dead-letter";
    /** The registry name of the state store's data source (the dead-letter channel writes through it). */
    public static final String STATE_STORE = "osmStateStore";
    /** The route configuration (error handling) every route uses, Java and YAML alike, but the table routes. */
    public static final String ROUTE_CONFIGURATION = "osmigrate-errors";
    /**
     * The table routes' route configuration: the same, without redelivery, so no step of a table copies each record
     * message in case it is redelivered; the write, the one step that is retried, is on {@link #WRITE_ENDPOINT}.
     */
    public static final String TABLE_ROUTE_CONFIGURATION = "osmigrate-table-errors";
    /** The write route's endpoint: a batch is written there, under the retry policy. */
    public static final String WRITE_ENDPOINT = "direct:write";

    private PipelineHeaders() {
    }
}
