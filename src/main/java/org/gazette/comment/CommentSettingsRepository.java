package org.gazette.comment;

import org.springframework.data.jpa.repository.JpaRepository;

interface CommentSettingsRepository extends JpaRepository<CommentSettings, Integer> {

}
