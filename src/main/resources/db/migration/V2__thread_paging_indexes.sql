-- Paging top-level threads in index order: depth = 1 is an equality (unlike
-- parent_id IS NULL), so the first page reads only its own rows, whatever the
-- number of comments. Counting approved comments reads one index range.
DROP INDEX ix_comment_article_top;
CREATE INDEX ix_comment_article_roots ON comment (article_id, depth, status, created_at, id);
CREATE INDEX ix_comment_article_status ON comment (article_id, status);
