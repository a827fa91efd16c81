-- Flood control counts a client by its network: an IPv4 address, or the /64 of an IPv6
-- address (one subscriber's share), as ClientAddresses.limitKey spells it. Existing IPv4
-- rows are their own network; IPv6 rows are left without one (flood control looks back
-- seconds, not days). The network is personal data: retention clears it with the address.
ALTER TABLE comment ADD COLUMN client_network VARCHAR(64);

UPDATE comment SET client_network = client_address
 WHERE client_address IS NOT NULL AND client_address NOT LIKE '%:%';

DROP INDEX ix_comment_client_time;

CREATE INDEX ix_comment_network_time ON comment (client_network, created_at);
