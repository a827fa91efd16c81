-- The moderation queue filtered by article: a page of a tab is a range of this index in
-- the tab's order, so only the ids up to the page are read, whatever the number of
-- comments. It also serves every lookup by (article_id, status), so the narrower index
-- from V2 goes: one index fewer to maintain on each posted or moved comment.
CREATE INDEX ix_comment_article_queue ON comment (article_id, status, created_at, id);
DROP INDEX ix_comment_article_status;
