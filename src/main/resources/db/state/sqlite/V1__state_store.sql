-- osmigrate state store, version 1 (SQLite). Keep the three vendor scripts in step.

-- One row per run: a re-run is a decision made from this history, not a guess.
CREATE TABLE OSM_RUN (
    RUN_ID          VARCHAR(40)   NOT NULL PRIMARY KEY,
    SPEC            VARCHAR(400)  NOT NULL,
    SOURCE_ENV      VARCHAR(100)  NOT NULL,
    DESTINATION_ENV VARCHAR(100)  NOT NULL,
    PHASES          VARCHAR(200)  NOT NULL,
    STATE           VARCHAR(20)   NOT NULL,
    STARTED_AT      TIMESTAMP     NOT NULL,
    FINISHED_AT     TIMESTAMP,
    MESSAGE         VARCHAR(4000)
);

-- Per-entity figures of a run.
CREATE TABLE OSM_RUN_ENTITY (
    RUN_ID           VARCHAR(40)  NOT NULL,
    PHASE            VARCHAR(20)  NOT NULL,
    ENTITY           VARCHAR(300) NOT NULL,
    STATE            VARCHAR(20)  NOT NULL,
    READ_ROWS        BIGINT       NOT NULL,
    INSERTED         BIGINT       NOT NULL,
    MATCHED          BIGINT       NOT NULL,
    SKIPPED          BIGINT       NOT NULL,
    DEAD_LETTERED    BIGINT       NOT NULL,
    NULLED           BIGINT       NOT NULL,
    DEFERRED_UPDATES BIGINT       NOT NULL,
    DELETED          BIGINT       NOT NULL,
    STARTED_AT       TIMESTAMP    NOT NULL,
    FINISHED_AT      TIMESTAMP,
    PRIMARY KEY (RUN_ID, PHASE, ENTITY)
);

-- What a key map is about: (source env, destination env, espace SS_Key, entity SS_Key) and whether
-- its pairs are rows osmigrate moved (or matched), or a lookup rebuilt by every run.
CREATE TABLE OSM_MAP_SCOPE (
    SCOPE_ID        INTEGER PRIMARY KEY AUTOINCREMENT,
    SOURCE_ENV      VARCHAR(100) NOT NULL,
    DESTINATION_ENV VARCHAR(100) NOT NULL,
    ESPACE_KEY      VARCHAR(100) NOT NULL,
    ENTITY_KEY      VARCHAR(100) NOT NULL,
    MAP_KIND        VARCHAR(10)  NOT NULL,
    ENTITY_NAME     VARCHAR(300) NOT NULL,
    CONSTRAINT OSM_MAP_SCOPE_UK UNIQUE (SOURCE_ENV, DESTINATION_ENV, ESPACE_KEY, ENTITY_KEY, MAP_KIND)
);

-- The key map, one row per written batch: its (source id -> destination id) pairs packed, sorted by
-- source id. A batch is PREPARED before the destination commits and COMMITTED after; recovery
-- settles PREPARED batches by looking for their destination ids (see README, "Crash safety").
CREATE TABLE OSM_KEY_BATCH (
    BATCH_ID              INTEGER PRIMARY KEY AUTOINCREMENT,
    SCOPE_ID              INT          NOT NULL REFERENCES OSM_MAP_SCOPE (SCOPE_ID),
    RUN_ID                VARCHAR(40)  NOT NULL,
    STATE                 VARCHAR(10)  NOT NULL,
    ID_TYPE               CHAR(1)      NOT NULL,
    PAIR_COUNT            INT          NOT NULL,
    MIN_SOURCE            VARCHAR(400) NOT NULL,
    MAX_SOURCE            VARCHAR(400) NOT NULL,
    DESTINATION_TABLE     VARCHAR(300) NOT NULL,
    DESTINATION_ID_COLUMN VARCHAR(300) NOT NULL,
    PAIRS                 BLOB         NOT NULL,
    CREATED_AT            TIMESTAMP    NOT NULL
);
CREATE INDEX OSM_KEY_BATCH_SCOPE ON OSM_KEY_BATCH (SCOPE_ID, STATE);

-- Every record that could not be moved, with enough to understand and replay it.
CREATE TABLE OSM_DEAD_LETTER (
    DEAD_LETTER_ID INTEGER PRIMARY KEY AUTOINCREMENT,
    RUN_ID         VARCHAR(40)   NOT NULL,
    PHASE          VARCHAR(20)   NOT NULL,
    ENTITY         VARCHAR(300)  NOT NULL,
    SOURCE_ID      VARCHAR(400),
    REASON         VARCHAR(40)   NOT NULL,
    ERROR_CLASS    VARCHAR(300),
    SQL_STATE      VARCHAR(10),
    VENDOR_CODE    INT,
    MESSAGE        VARCHAR(4000),
    SOURCE_ROW     TEXT,
    MAPPED_ROW     TEXT,
    CREATED_AT     TIMESTAMP     NOT NULL
);
CREATE INDEX OSM_DEAD_LETTER_RUN ON OSM_DEAD_LETTER (RUN_ID);

-- A clean phase that started and has not finished: its key-map pairs are gone while some of its
-- rows may remain, so the next run between these environments must clean again before moving data.
CREATE TABLE OSM_CLEAN_PENDING (
    SOURCE_ENV      VARCHAR(100) NOT NULL,
    DESTINATION_ENV VARCHAR(100) NOT NULL,
    RUN_ID          VARCHAR(40)  NOT NULL,
    STARTED_AT      TIMESTAMP    NOT NULL,
    PRIMARY KEY (SOURCE_ENV, DESTINATION_ENV)
);
