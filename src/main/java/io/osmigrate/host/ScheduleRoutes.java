package io.osmigrate.host;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;

import io.osmigrate.config.Schedule;

/** One Quartz route per configured schedule ({@code osmigrate.schedule.<name>.*}). */
final class ScheduleRoutes extends RouteBuilder {

    private final List<Schedule> schedules;

    ScheduleRoutes(List<Schedule> schedules) {
        this.schedules = schedules;
    }

    @Override
    public void configure() {
        for (Schedule s : schedules) {
            from("quartz:osmigrate/" + s.name() + "?cron=" + s.cron().trim().replace(' ', '+'))
                    .routeId("schedule-" + s.name())
                    .bean("osmHost", "runSchedule('" + s.name() + "')").id("schedule-" + s.name() + "-run");
        }
    }
}
