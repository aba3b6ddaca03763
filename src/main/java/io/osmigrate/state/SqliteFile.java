package io.osmigrate.state;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.StateFile;

/**
 * An embedded SQLite state store: its file, taken from the URL, and the connection settings that make
 * it crash-safe. The write-ahead log with {@code synchronous=FULL} makes a commit durable before
 * SQLite acknowledges it (through kill -9, and through a power loss); {@code transaction_mode=IMMEDIATE}
 * makes a transaction take the write lock when it begins, so two of osmigrate's threads never both
 * read, then both try to write; the busy timeout makes a writer wait for the other instead of failing.
 * A URL may not weaken these settings.
 */
final class SqliteFile {

    /** How long a writer waits for another connection's write transaction to end. */
    static final int BUSY_TIMEOUT_MILLIS = 60_000;

    private static final String[] DURABILITY_KEYS = {"journal_mode", "synchronous", "transaction_mode", "locking_mode"};

    private final Path file;

    private SqliteFile(Path file) {
        this.file = file;
    }

    /** The file of a {@code jdbc:sqlite:} URL; in-memory databases and URLs that set durability are refused. */
    static SqliteFile of(String url, String origin) {
        Path file = StateFile.of(url).orElseThrow(() -> new ConfigException(origin + ": osmigrate.state.url " + url
                + " is not a file: an in-memory state store forgets the key map when osmigrate ends, so a re-run would"
                + " insert every row again. Name a file, e.g. jdbc:sqlite:data/state/osmigrate.db"));
        int query = url.indexOf('?');
        String params = query < 0 ? "" : url.substring(query + 1).toLowerCase(Locale.ROOT);
        for (String key : DURABILITY_KEYS) {
            if (params.contains(key + "=")) {
                throw new ConfigException(origin + ": osmigrate.state.url sets " + key + "; osmigrate sets the state store's"
                        + " journal, synchronous, transaction and locking modes itself (crash safety depends on them):"
                        + " remove it from the URL");
            }
        }
        return new SqliteFile(file);
    }

    Path file() {
        return file;
    }

    /** The driver properties every connection to the store is opened with. */
    static Properties durableProperties() {
        Properties p = new Properties();
        p.setProperty("journal_mode", "WAL");
        p.setProperty("synchronous", "FULL");
        p.setProperty("transaction_mode", "IMMEDIATE");
        p.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS));
        p.setProperty("foreign_keys", "true");
        return p;
    }

    /** An H2 state store of the same name beside this file ({@code osmigrate.db} → {@code osmigrate.mv.db}). */
    Path legacyH2File() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".mv.db");
    }
}
