-- Articles written on the desk: an optional byline and standfirst, and a status. A draft
-- (never published, or taken back) is seen by editors only; first_published_at is set
-- when an article is first published, and from then on its slug never changes. Every
-- article that exists today is published.
ALTER TABLE article ADD COLUMN byline VARCHAR(300);

ALTER TABLE article ADD COLUMN standfirst VARCHAR(1000);

ALTER TABLE article ADD COLUMN status VARCHAR(16) DEFAULT 'PUBLISHED' NOT NULL;

-- allowed values as a reference table, not an IN-list check (see V3: H2 binds those to
-- the connection that ran the migration)
CREATE TABLE article_status (
    code VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO article_status (code) VALUES ('DRAFT'), ('PUBLISHED');

ALTER TABLE article ADD CONSTRAINT fk_article_status FOREIGN KEY (status) REFERENCES article_status (code);

ALTER TABLE article ADD COLUMN first_published_at TIMESTAMP WITH TIME ZONE;

UPDATE article SET first_published_at = published_at;

-- the front page, the feed and the sitemap: published articles, newest first
CREATE INDEX ix_article_status_published ON article (status, published_at, id);
