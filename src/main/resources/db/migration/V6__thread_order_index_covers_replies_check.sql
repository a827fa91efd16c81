-- The thread-order index from V5 also carries thread_id, so that the queries placing
-- a thread (ThreadPositions) and finding "removed" placeholders read only this index
-- for the outer comment even though their EXISTS looks at replies in the same table.
-- Without it H2's planner counts the subquery's columns against the outer table, finds
-- the index not covering and, on a small table, prefers the single-column index of the
-- article foreign key: every posted comment then read every comment of the article,
-- and a plan prepared while the table was small stayed in the statement cache as the
-- table grew (posting on a 200-comment article cost 5 ms of CPU instead of 3).
DROP INDEX ix_comment_article_thread_order;
CREATE INDEX ix_comment_article_thread_order ON comment (article_id, depth, created_at, id, status, thread_id);
