-- The allowed values of comment.status, article_block.kind and editor_account.role
-- move from CHECK (... IN (...)) constraints to small reference tables with foreign
-- keys. H2 2.4 binds an IN-list check to the connection that created it (the one that
-- ran these migrations): once the pool retires that connection, every insert into the
-- table fails with "The database has been closed". A foreign key is checked the same
-- way on every database and has no such tie.

CREATE TABLE comment_status (
    code VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO comment_status (code) VALUES ('PENDING'), ('APPROVED'), ('SPAM'), ('TRASH');

ALTER TABLE comment DROP CONSTRAINT ck_comment_status;
ALTER TABLE comment ADD CONSTRAINT fk_comment_status FOREIGN KEY (status) REFERENCES comment_status (code);
ALTER TABLE comment ADD CONSTRAINT fk_comment_trashed_from FOREIGN KEY (trashed_from) REFERENCES comment_status (code);

CREATE TABLE article_block_kind (
    code VARCHAR(20) NOT NULL PRIMARY KEY
);
INSERT INTO article_block_kind (code) VALUES ('PARAGRAPH'), ('SUBHEADING'), ('PHOTO');

ALTER TABLE article_block DROP CONSTRAINT ck_block_kind;
ALTER TABLE article_block ADD CONSTRAINT fk_block_kind FOREIGN KEY (kind) REFERENCES article_block_kind (code);

CREATE TABLE editor_role (
    code VARCHAR(16) NOT NULL PRIMARY KEY
);
INSERT INTO editor_role (code) VALUES ('EDITOR'), ('ADMIN');

ALTER TABLE editor_account DROP CONSTRAINT ck_editor_role;
ALTER TABLE editor_account ADD CONSTRAINT fk_editor_role FOREIGN KEY (role) REFERENCES editor_role (code);
