-- Usernames are stored in their canonical form (editor.Usernames): without surrounding
-- spaces, in lower case. Sign-in looks them up with an exact match, so the existing
-- unique constraint becomes unique without regard to case, on H2 and PostgreSQL alike.
-- Of two accounts whose usernames collide once lower-cased, the older keeps the name
-- and the newer gets "-" and its id appended (its editor signs in with that).
UPDATE editor_account
   SET username = LOWER(TRIM(username)) || '-' || CAST(id AS VARCHAR(20))
 WHERE EXISTS (SELECT 1 FROM editor_account older
                WHERE LOWER(TRIM(older.username)) = LOWER(TRIM(editor_account.username))
                  AND older.id < editor_account.id);
UPDATE editor_account SET username = LOWER(TRIM(username)) WHERE username <> LOWER(TRIM(username));
ALTER TABLE editor_account ADD CONSTRAINT ck_editor_username_canonical CHECK (username = LOWER(TRIM(username)));

-- A password someone else chose for the editor (generated for the first account or by
-- an admin's reset) must be changed at the next sign-in.
ALTER TABLE editor_account ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;

-- Sign-ins, failed sign-ins and sign-outs are logged with the client's address.
ALTER TABLE moderation_event ADD COLUMN client_address VARCHAR(64);
