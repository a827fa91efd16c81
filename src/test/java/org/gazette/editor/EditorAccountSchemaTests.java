package org.gazette.editor;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The database keeps usernames unique without regard to case, whatever writes them: a
 * username is stored in its canonical, lower-case form, and a second account whose
 * username differs only in case is refused. {@link EditorAccountSchemaPostgresTests}
 * runs the same on PostgreSQL.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class EditorAccountSchemaTests {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void refusesASecondAccountWhoseUsernameDiffersOnlyInCase() {
        insert("casefold");

        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> insert("CaseFold"));
    }

    @Test
    void refusesASecondAccountWithTheSameUsername() {
        insert("twice");

        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> insert("twice"));
    }

    @Test
    void refusesAUsernameThatIsNotInItsCanonicalForm() {
        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> insert("Upper"));
    }

    @Test
    void refusesAUsernameWithSurroundingSpaces() {
        assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> insert(" spaced "));
    }

    private void insert(String username) {
        this.jdbc.update("insert into editor_account (username, display_name, password_hash, role, enabled, "
                + "created_at, version) values (?, 'Someone', '{noop}x', 'EDITOR', true, current_timestamp, 0)",
                username);
    }

}
