package io.osmigrate.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the command line as {@link OsMigrate#main} would and captures what it prints. It swaps
 * {@code System.out} and {@code System.err} for the duration of the command, so tests that use it must
 * not run in parallel with others that print (this build runs test classes one at a time).
 */
final class CliRun {

    /** The exit code and everything the command printed to stdout and stderr. */
    record Result(int exitCode, String out, String err) {
    }

    private CliRun() {
    }

    static synchronized Result execute(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try (PrintStream capturedOut = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
             PrintStream capturedErr = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            int code = OsMigrate.execute(args);
            capturedOut.flush();
            capturedErr.flush();
            return new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
