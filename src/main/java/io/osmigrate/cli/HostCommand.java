package io.osmigrate.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import io.osmigrate.app.ExitCode;
import io.osmigrate.host.HostMain;

/** {@code host}: the long-lived route host (job inbox and schedules). Stops on SIGTERM or Ctrl-C. */
@Command(name = "host", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Runs the route host: job files dropped in the inbox and cron schedules start runs.")
final class HostCommand implements Callable<Integer> {

    @ParentCommand
    OsMigrate parent;

    @Override
    public Integer call() throws Exception {
        // a host that lost the active role to another host ends with 4, so a supervisor sees it and starts it again
        return new HostMain(parent.config).run() ? ExitCode.OK.code() : ExitCode.FAULT.code();
    }
}
