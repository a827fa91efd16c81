-- What readers see of each article has a version stored with it, so that every node
-- gives the same validators (ETag, Last-Modified) for the same content, and a restart
-- keeps them. The version is taken from one sequence for the whole site, so no two
-- states of any article's pages ever share a number; the code that changes an article or
-- a comment readers see moves it in the same transaction (SharedChanges). Existing
-- articles get a number each, and the migration's time as their last change.
CREATE SEQUENCE page_version_seq START WITH 1 INCREMENT BY 1;

ALTER TABLE article ADD COLUMN page_version BIGINT DEFAULT nextval('page_version_seq') NOT NULL;

ALTER TABLE article ADD COLUMN page_changed_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
