package io.osmigrate.pipeline;

/**
 * Names of headers, exchange properties and endpoints of the data pipeline, in one place. Every record
 * message carries the run, phase, entity and source id headers, so a traced or logged message says which
 * record it is.
 */
public final class PipelineHeaders {

    /** Exchange property carrying the {@link EntityJob} of the entity being moved. */
    public static final String JOB = "OsmEntityJob";
    /** Header: the run id. */
    public static final String RUN_ID = "OsmRunId";
    /** Header: the phase ("data"). */
    public static final String PHASE = "OsmPhase";
    /** Header: the entity, as Module.Entity. */
    public static final String ENTITY = "OsmEntity";
    /** Header: the record's source identifier (record messages only). */
    public static final String SOURCE_ID = "OsmSourceId";
    /** The route template of one entity's pipeline. */
    public static final String TEMPLATE = "entity-pipeline";
    /** The dead-letter channel. */
    public static final String DEAD_LETTER_ENDPOINT = "direct:dead-letter";

    private PipelineHeaders() {
    }
}
