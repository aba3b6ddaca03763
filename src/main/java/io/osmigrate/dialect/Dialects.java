package io.osmigrate.dialect;

import java.util.List;

import io.osmigrate.config.ConfigException;
import io.osmigrate.config.Secrets;

/** Chooses the dialect from a JDBC URL. */
public final class Dialects {

    private static final List<Dialect> ALL = List.of(new SqlServerDialect(), new PostgresDialect(), new H2Dialect());

    private Dialects() {
    }

    public static Dialect forUrl(String jdbcUrl) {
        for (Dialect d : ALL) {
            if (d.accepts(jdbcUrl)) {
                return d;
            }
        }
        throw new ConfigException("unsupported JDBC URL " + Secrets.redactUrl(jdbcUrl)
                + "; osmigrate supports jdbc:sqlserver:, jdbc:postgresql: and jdbc:h2:");
    }
}
