-- osmigrate state store, version 2 (SQL Server). Keep the three vendor scripts in step.

-- The destination's BPT subscriptions (OSEVT_* rows) that triggers-off saved before deleting them, until the
-- events phase puts them back. ROW_JSON holds every column of the row with its kind and value, in the table's
-- column order, so a row goes back exactly as it was. STATE is SAVED until then; a row whose process
-- definition or activity no longer exists in the destination is not put back: it stays, DROPPED, with REASON.
CREATE TABLE OSM_EVENT_ROW (
    EVENT_ROW_ID    BIGINT IDENTITY(1,1) PRIMARY KEY,
    DESTINATION_ENV VARCHAR(100)  NOT NULL,
    EVENT_TABLE     VARCHAR(300)  NOT NULL,
    ENTITY          VARCHAR(300)  NOT NULL,
    ESPACE_KEY      VARCHAR(100)  NOT NULL,
    ENTITY_KEY      VARCHAR(100)  NOT NULL,
    STATE           VARCHAR(10)   NOT NULL,
    ROW_JSON        NVARCHAR(MAX) NOT NULL,
    SAVED_BY_RUN    VARCHAR(40)   NOT NULL,
    SAVED_AT        DATETIME2     NOT NULL,
    DROPPED_BY_RUN  VARCHAR(40),
    REASON          NVARCHAR(400)
);
CREATE INDEX OSM_EVENT_ROW_DESTINATION ON OSM_EVENT_ROW (DESTINATION_ENV, STATE);

-- Triggers-off started on a destination, and the events phase has not put every saved row back yet: the
-- destination's BPT subscriptions are (partly) in OSM_EVENT_ROW instead of its OSEVT_* tables.
CREATE TABLE OSM_TRIGGERS_OFF (
    DESTINATION_ENV VARCHAR(100) NOT NULL PRIMARY KEY,
    SOURCE_ENV      VARCHAR(100) NOT NULL,
    RUN_ID          VARCHAR(40)  NOT NULL,
    STARTED_AT      DATETIME2    NOT NULL
);
