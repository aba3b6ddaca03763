-- osmigrate state store, version 4 (SQL Server): the route steps a dead letter's record went through, where its
-- entity was traced (osmigrate.trace.entities). Keep the three vendor scripts in step.

-- The step ids, in the order the record passed them, separated by commas; null when the entity was not traced.
ALTER TABLE OSM_DEAD_LETTER ADD STEPS NVARCHAR(MAX);
