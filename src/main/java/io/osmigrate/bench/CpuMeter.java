package io.osmigrate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CPU went while the data phase ran: the CPU time of this JVM (osmigrate) and of the database server's
 * processes, as shares of the machine's cores over the phase's wall time. The server's time is read from Linux's
 * {@code /proc/<pid>/stat} of every process named {@code postgres} (its own and its exited children's user and
 * system ticks, so backends that ended during the phase count too), which is only possible when the server runs on
 * this machine, and counts every database of that server: measure on a quiet machine. On H2 the database runs in
 * the JVM, so osmigrate's share includes it.
 */
final class CpuMeter {

    /** Linux's USER_HZ: {@code /proc} counts CPU time in ticks of 1/100 s on every common kernel configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final boolean serverMeasured;
    private final long jvmStart;
    private final long serverStart;
    private final long wallStart;

    private CpuMeter(boolean serverMeasured) {
        this.serverMeasured = serverMeasured;
        this.jvmStart = jvmNanos();
        this.serverStart = serverMeasured ? serverTicks() : 0;
        this.wallStart = System.nanoTime();
    }

    /** Starts measuring; the server's share is measured when it is PostgreSQL on this machine and visible in /proc. */
    static CpuMeter start(BenchEngine engine, String serverUrl) {
        boolean local = engine == BenchEngine.POSTGRESQL && serverUrl != null
                && (serverUrl.contains("//127.0.0.1") || serverUrl.contains("//localhost") || serverUrl.contains("//[::1]"));
        return new CpuMeter(local && serverTicks() > 0);
    }

    BenchResult.Cpu stop() {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double jvm = (jvmNanos() - jvmStart) / 1e9;
        double server = serverMeasured ? (serverTicks() - serverStart) / TICKS_PER_SECOND : -1;
        int cores = Runtime.getRuntime().availableProcessors();
        return new BenchResult.Cpu(wall, cores, jvm, server, share(jvm, wall, cores), server < 0 ? -1 : share(server, wall, cores));
    }

    private static double share(double cpuSeconds, double wallSeconds, int cores) {
        return wallSeconds <= 0 ? 0 : cpuSeconds / (wallSeconds * cores);
    }

    private static long jvmNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** utime + stime + cutime + cstime of every process named postgres; 0 where /proc cannot tell. */
    static long serverTicks() {
        long ticks = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path p : procs) {
                ticks += postgresTicks(p.resolve("stat"));
            }
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or /proc not readable
        }
        return ticks;
    }

    private static long postgresTicks(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException e) {
            return 0; // the process ended meanwhile
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open || !line.substring(open + 1, close).equals("postgres")) {
            return 0;
        }
        // after "pid (comm) ": state is field 3, utime..cstime are fields 14..17
        String[] f = line.substring(close + 2).split(" ");
        long sum = 0;
        for (int i = 11; i <= 14 && i < f.length; i++) {
            sum += Long.parseLong(f[i]);
        }
        return sum;
    }
}
