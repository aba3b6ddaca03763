-- osmigrate state store, version 5 (SQLite): how far each entity's deferred references are set. Keep the three
-- vendor scripts in step.

-- The deferred step of a run set the deferred references of every row of an entity paired up to key-map batch
-- BATCH_ID (the highest batch when the step started). A later run (not a refresh) sets them only on the rows paired
-- since, and on the rows whose deferred references point at rows paired since.
CREATE TABLE OSM_DEFERRED_MARK (
    SCOPE_ID  INT          NOT NULL PRIMARY KEY,
    BATCH_ID  BIGINT       NOT NULL,
    RUN_ID    VARCHAR(40)  NOT NULL,
    SET_AT    TIMESTAMP    NOT NULL
);
