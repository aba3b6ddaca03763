-- osmigrate state store, version 3 (PostgreSQL): the exit code in the run history, dead letters a later run
-- resolved, and the lock that keeps one run at a time between two environments. Keep the three vendor
-- scripts in step.

-- The exit code the run's command ended with (null for a run still going, or one whose process died).
ALTER TABLE OSM_RUN ADD COLUMN EXIT_CODE INT;

-- The run that moved a dead-lettered record after all (a replay); null while the record is still open.
ALTER TABLE OSM_DEAD_LETTER ADD COLUMN RESOLVED_BY_RUN VARCHAR(40);

-- The run that holds two environments: one run between them at a time, whichever process or host
-- starts it. A holder renews its lease while it runs; a holder whose lease ran out (its process died)
-- is replaced by the next run. Times are milliseconds since 1970 on the state store's own clock, so
-- hosts whose clocks differ still agree on when a lease ends.
CREATE TABLE OSM_RUN_LOCK (
    SOURCE_ENV      VARCHAR(100) NOT NULL,
    DESTINATION_ENV VARCHAR(100) NOT NULL,
    RUN_ID          VARCHAR(40)  NOT NULL,
    SPEC            VARCHAR(400) NOT NULL,
    HOLDER_HOST     VARCHAR(200) NOT NULL,
    HOLDER_PID      BIGINT       NOT NULL,
    ACQUIRED_AT     BIGINT       NOT NULL,
    LEASE_UNTIL     BIGINT       NOT NULL,
    PRIMARY KEY (SOURCE_ENV, DESTINATION_ENV)
);
