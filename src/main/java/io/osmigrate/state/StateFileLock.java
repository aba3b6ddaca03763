package io.osmigrate.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import io.osmigrate.config.ConfigException;

/**
 * Keeps an embedded state store to one osmigrate process: two processes moving rows between the same
 * environments would each insert what the other is inserting. The lock is an operating-system lock on
 * a file beside the store, released when the process ends however it ends (kill -9 included), so a
 * stale lock never blocks the next run. Stores opened more than once in one process share the lock.
 * Thread-safe.
 */
final class StateFileLock implements AutoCloseable {

    private static final Map<Path, Held> HELD = new HashMap<>();

    private record Held(FileChannel channel, FileLock lock, int[] users) {
    }

    private final Path path;
    private boolean released;

    private StateFileLock(Path path) {
        this.path = path;
    }

    /** Takes the lock beside the store's file, or throws naming the file when another process holds it. */
    static StateFileLock acquire(Path storeFile) {
        Path path = storeFile.resolveSibling(storeFile.getFileName() + ".lock");
        synchronized (HELD) {
            Held held = HELD.get(path);
            if (held == null) {
                held = lock(path);
                HELD.put(path, held);
            }
            held.users()[0]++;
        }
        return new StateFileLock(path);
    }

    private static Held lock(Path path) {
        try {
            Files.createDirectories(path.getParent());
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new ConfigException("the state store " + path.resolveSibling(path.getFileName().toString()
                        .replaceFirst("\\.lock$", "")) + " is in use by another osmigrate process (a route host, or a run"
                        + " that has not ended). One process at a time: wait for it to end, or give this one its own"
                        + " osmigrate.data-dir or osmigrate.state.url");
            }
            return new Held(channel, lock, new int[1]);
        } catch (IOException e) {
            throw new ConfigException("cannot lock the state store's file " + path + ": " + e.getMessage()
                    + ". Check that osmigrate.data-dir is a writable folder");
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            Held held = HELD.get(path);
            if (held != null && --held.users()[0] == 0) {
                HELD.remove(path);
                try {
                    held.lock().release();
                    held.channel().close();
                } catch (IOException e) {
                    // the process's end releases it anyway
                }
            }
        }
    }
}
