package io.osmigrate.dialect;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/** Classification by standard SQLSTATE classes, shared by the dialects; vendor codes refine it per engine. */
final class SqlStates {

    private SqlStates() {
    }

    /** The innermost SQLException carrying a SQLSTATE: batch exceptions hide the real one in the chain. */
    static SQLException root(SQLException e) {
        SQLException best = e;
        for (SQLException cur = e; cur != null; cur = cur.getNextException()) {
            if (!(cur instanceof BatchUpdateException) && cur.getSQLState() != null) {
                best = cur;
                break;
            }
            if (cur.getNextException() == cur) {
                break;
            }
        }
        if (best instanceof BatchUpdateException && best.getCause() instanceof SQLException cause) {
            return cause;
        }
        return best;
    }

    static ErrorKind classify(String state) {
        if (state == null || state.length() < 2) {
            return ErrorKind.OTHER;
        }
        if (state.equals("23505")) {
            return ErrorKind.UNIQUE_VIOLATION;
        }
        if (state.equals("23503") || state.equals("23506")) {
            return ErrorKind.FOREIGN_KEY_VIOLATION;
        }
        return switch (state.substring(0, 2)) {
            case "22", "23" -> ErrorKind.DATA;
            case "40" -> ErrorKind.DEADLOCK;
            case "08" -> ErrorKind.CONNECTION;
            default -> ErrorKind.OTHER;
        };
    }
}
