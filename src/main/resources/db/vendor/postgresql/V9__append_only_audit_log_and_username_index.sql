-- PostgreSQL only (spring.flyway.locations adds db/vendor/{vendor}).
--
-- The audit log is append-only in the database too: a line cannot be changed or
-- removed by any statement, whoever sends it. Nothing in Gazette updates or deletes
-- moderation_event (no foreign key points at it, and deleting a comment leaves its
-- lines alone); only the table's owner can drop these triggers.
CREATE FUNCTION moderation_event_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'moderation_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER moderation_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON moderation_event
    FOR EACH ROW EXECUTE FUNCTION moderation_event_append_only();

CREATE TRIGGER moderation_event_no_truncate
    BEFORE TRUNCATE ON moderation_event
    FOR EACH STATEMENT EXECUTE FUNCTION moderation_event_append_only();

-- Usernames are unique without regard to case (V8 also keeps them lower-cased).
CREATE UNIQUE INDEX uk_editor_username_lower ON editor_account (LOWER(username));
