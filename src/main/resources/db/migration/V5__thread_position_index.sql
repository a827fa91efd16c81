-- Placing a new comment's thread (the redirect after a post): the visible top-level
-- comments of an article between two moments, whatever their status, read as one index
-- range in thread order. The status is carried in the index so the range is counted
-- without reading the rows. See ThreadPositions.
CREATE INDEX ix_comment_article_thread_order ON comment (article_id, depth, created_at, id, status);
