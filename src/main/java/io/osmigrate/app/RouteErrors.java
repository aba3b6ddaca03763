package io.osmigrate.app;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.osmigrate.pipeline.PipelineHeaders;
import io.osmigrate.pipeline.RetryPolicy;
import io.osmigrate.pipeline.RowRejectedException;
import io.osmigrate.pipeline.TransientWriteException;

/**
 * The route configurations: {@code osmigrate-errors}, which every route uses, Java and YAML alike, and
 * {@code osmigrate-table-errors}, the table routes' (the rejected rows' handling alone):
 * <ul>
 *   <li>a row that cannot be written ({@link RowRejectedException}) is handled: it goes down the dead-letter
 *       channel, and its batch goes on;</li>
 *   <li>a transient write failure ({@link TransientWriteException}) is redelivered by the {@link RetryPolicy};
 *       exhausted, it fails its batch, and the table stops. Only the write route ({@code direct:write}) throws it,
 *       so the table routes' configuration leaves it out: a configuration that can redeliver makes Camel copy
 *       every message before each step in case it is sent again, and a table route's steps see every record
 *       (13% of osmigrate's CPU samples in the data phase were these copies, docs/table-pipeline.md);</li>
 *   <li>a job that did not succeed ({@link JobFailedException}) is logged in one line and left unhandled, so
 *       its file moves to {@code .failed/}.</li>
 * </ul>
 * Anything else fails its exchange and reaches whoever sent it: a table route's caller, the run.
 */
public final class RouteErrors extends RouteConfigurationBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(RouteErrors.class);

    private final RetryPolicy retry;

    public RouteErrors(RetryPolicy retry) {
        this.retry = retry;
    }

    @Override
    public void configuration() {
        // a failure that reaches the run is reported there, in one line with what to do: not here too
        RouteConfigurationDefinition errors = routeConfiguration(PipelineHeaders.ROUTE_CONFIGURATION)
                .errorHandler(defaultErrorHandler().logExhausted(false));
        rowRejected(errors, "");
        errors.onException(TransientWriteException.class).id("write-retry")
                .maximumRedeliveries(retry.maxRetries())
                .redeliveryDelay(retry.firstBackoff().toMillis())
                .useExponentialBackOff().backOffMultiplier(retry.multiplier())
                .onRedelivery(this::logRetry)
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .logStackTrace(false)
            .end();
        errors.onException(JobFailedException.class).id("job-failed")
                .handled(false)
                .maximumRedeliveries(0)
                .logStackTrace(false)
                .logExhausted(true)
                .logExhaustedMessageHistory(false)
                .retriesExhaustedLogLevel(LoggingLevel.WARN)
            .end();
        rowRejected(routeConfiguration(PipelineHeaders.TABLE_ROUTE_CONFIGURATION)
                .errorHandler(defaultErrorHandler().logExhausted(false)), "table-");
    }

    /** A rejected row goes down the dead-letter channel, and its batch goes on. */
    private static void rowRejected(RouteConfigurationDefinition configuration, String idPrefix) {
        configuration.onException(RowRejectedException.class).id(idPrefix + "row-rejected")
                .handled(true)
                .process(RouteErrors::deadLetterBody).id(idPrefix + "row-rejected-letter")
                .to(PipelineHeaders.DEAD_LETTER_ENDPOINT).id(idPrefix + "row-rejected-channel")
            .end();
    }

    /** One line per retry, saying what failed and which retry this is. */
    private void logRetry(Exchange exchange) {
        Exception cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("{}; retry {} of {}", cause == null ? "a transient failure" : cause.getMessage(),
                exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class), retry.maxRetries());
    }

    private static void deadLetterBody(Exchange exchange) {
        RowRejectedException rejected = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RowRejectedException.class);
        exchange.getIn().setBody(rejected.deadLetter());
    }
}
