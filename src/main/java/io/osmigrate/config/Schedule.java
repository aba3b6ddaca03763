package io.osmigrate.config;

import java.nio.file.Path;

/** A cron schedule from the configuration: run (or plan) a spec at the times the expression says. */
public record Schedule(String name, Path spec, String cron, String command) {
}
