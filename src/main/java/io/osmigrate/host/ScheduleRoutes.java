package io.osmigrate.host;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;

import io.osmigrate.config.Schedule;
import io.osmigrate.pipeline.PipelineHeaders;

/**
 * One Quartz route per configured schedule ({@code osmigrate.schedule.<name>.*}). A schedule runs
 * through the host's one {@link JobRunner}, so a firing during another job waits for it; the routes
 * are stateful (Quartz's DisallowConcurrentExecution), so firings of one schedule never pile up behind
 * a long run: Quartz keeps at most one, and its misfire rule fires it once when the run ends.
 */
final class ScheduleRoutes extends RouteBuilder {

    private final List<Schedule> schedules;

    ScheduleRoutes(List<Schedule> schedules) {
        this.schedules = schedules;
    }

    @Override
    public void configure() {
        for (Schedule s : schedules) {
            // on the active host only (ActiveHost): a standby's schedules do not fire
            from("master:" + ActiveHost.NAMESPACE + ":quartz:osmigrate/" + s.name() + "?stateful=true&cron="
                    + s.cron().trim().replace(' ', '+'))
                    .routeId("schedule-" + s.name()).routeConfigurationId(PipelineHeaders.ROUTE_CONFIGURATION)
                    .bean("osmHost", "runSchedule('" + s.name() + "')").id("schedule-" + s.name() + "-run");
        }
    }
}
