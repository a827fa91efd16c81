-- A comment brought in from another system (a WordPress or Disqus export) keeps the
-- source's id for it, so importing the same file again finds it instead of adding it
-- twice. Comments posted on Gazette have none.
ALTER TABLE comment ADD COLUMN source_key VARCHAR(300);

ALTER TABLE comment ADD CONSTRAINT uk_comment_source_key UNIQUE (source_key);
