package org.lexgate.store;

import java.sql.SQLException;

/**
 * The store could not do what was asked. {@link #isTransient()} says whether the same call may
 * succeed later (connection lost, lock timeout, serialization failure) or will fail again
 * (constraint, value too long, unknown id).
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;
    private final String sqlState;

    public StoreException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
        this.sqlState = null;
    }

    StoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
        this.transientFailure = isTransient(cause);
    }

    /** True when retrying later may succeed. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The SQLState of the database error, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    boolean isUniqueViolation() {
        return "23505".equals(sqlState);
    }

    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08")          // connection exception
                || state.startsWith("40")      // serialization failure, deadlock
                || state.startsWith("53")      // PostgreSQL: insufficient resources
                || state.startsWith("57")      // PostgreSQL: operator intervention, shutdown
                || state.equals("HYT00")       // H2: lock timeout
                || state.equals("90131");      // H2: concurrent update
    }
}
