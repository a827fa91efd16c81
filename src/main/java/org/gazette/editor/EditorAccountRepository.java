package org.gazette.editor;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Editor accounts. Reads only outside this feature: changes go through {@link EditorAccountService}. */
public interface EditorAccountRepository extends JpaRepository<EditorAccount, Long> {

    /** The account with that username, which must be in its canonical form (see {@link Usernames}). */
    Optional<EditorAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<EditorAccount> findAllByOrderByUsername();

    /**
     * The enabled admins, locked until the transaction ends, so two admins disabling
     * each other at once cannot leave the desk without one.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from EditorAccount e where e.role = org.gazette.editor.EditorRole.ADMIN and e.enabled = true order by e.id")
    List<EditorAccount> lockEnabledAdmins();

}
