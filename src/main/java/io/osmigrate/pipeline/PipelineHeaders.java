package io.osmigrate.pipeline;

/** Names of exchange properties and endpoints of the data pipeline, in one place. */
public final class PipelineHeaders {

    /** Exchange property carrying the {@link EntityJob} of the entity being moved. */
    public static final String JOB = "OsmEntityJob";
    /** The route template of one entity's pipeline. */
    public static final String TEMPLATE = "entity-pipeline";
    /** The dead-letter channel. */
    public static final String DEAD_LETTER_ENDPOINT = "direct:dead-letter";

    private PipelineHeaders() {
    }
}
