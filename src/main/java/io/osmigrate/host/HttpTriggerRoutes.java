package io.osmigrate.host;

import org.apache.camel.builder.RouteBuilder;

/**
 * The HTTP job trigger's routes on camel-main's HTTP server (platform-http): {@code POST /jobs} and
 * {@code GET /jobs/<id>}, both handled by {@link HttpTrigger}. Added only when a token is configured.
 */
final class HttpTriggerRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/jobs?httpMethodRestrict=POST").routeId("http-job-post")
                .bean("osmHttpTrigger", "post").id("http-job-post-queue");
        from("platform-http:/jobs/{id}?httpMethodRestrict=GET").routeId("http-job-get")
                .bean("osmHttpTrigger", "get").id("http-job-get-state");
    }
}
