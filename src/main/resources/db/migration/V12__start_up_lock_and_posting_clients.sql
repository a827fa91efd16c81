-- Work that several nodes could do at once on an empty database (the first editor
-- account, the built-in articles, the stored keys) runs while holding this one row
-- (SELECT ... FOR UPDATE): a node that starts second waits, then finds it done.
CREATE TABLE start_up_lock (
    name VARCHAR(40) NOT NULL,
    CONSTRAINT pk_start_up_lock PRIMARY KEY (name)
);

INSERT INTO start_up_lock (name) VALUES ('start-up');

-- One row per client network that posted (ClientAddresses.limitKey): a post locks its
-- network's row before flood control looks at that network's last comment, so two posts
-- at the same instant are checked one after the other. Personal data: retention deletes
-- the rows with the addresses.
CREATE TABLE posting_client (
    client_network VARCHAR(64) NOT NULL,
    last_post_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_posting_client PRIMARY KEY (client_network)
);

CREATE INDEX ix_posting_client_last_post ON posting_client (last_post_at);
