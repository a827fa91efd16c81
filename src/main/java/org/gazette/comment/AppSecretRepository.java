package org.gazette.comment;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppSecretRepository extends JpaRepository<AppSecret, String> {

}
