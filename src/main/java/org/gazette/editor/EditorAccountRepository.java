package org.gazette.editor;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EditorAccountRepository extends JpaRepository<EditorAccount, Long> {

    Optional<EditorAccount> findByUsernameIgnoreCase(String username);

    List<EditorAccount> findAllByOrderByUsername();

    @Query("select count(e) > 0 from EditorAccount e where lower(e.displayName) = lower(:name) or lower(e.username) = lower(:name)")
    boolean existsByName(String name);

}
