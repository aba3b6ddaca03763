package io.osmigrate.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import io.osmigrate.app.ExitCode;
import io.osmigrate.config.ConfigException;
import io.osmigrate.env.EnvironmentException;
import io.osmigrate.metamodel.MetamodelException;

/** Turns what a command throws into one clear line on stderr and the documented exit code. */
final class FailureHandler implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof ConfigException || e instanceof EnvironmentException || e instanceof MetamodelException) {
            cmd.getErr().println("error: " + e.getMessage());
            return ExitCode.CONFIG_ERROR.code();
        }
        LOG.debug("command failed", e);
        cmd.getErr().println("failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        return ExitCode.FAULT.code();
    }
}
