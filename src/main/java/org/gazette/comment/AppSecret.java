package org.gazette.comment;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A secret generated once and kept, so it survives restarts. */
@Entity
class AppSecret {

    @Id
    private String name;

    private String secretValue;

    private Instant createdAt;

    protected AppSecret() {
    }

    AppSecret(String name, String secretValue, Instant createdAt) {
        this.name = name;
        this.secretValue = secretValue;
        this.createdAt = createdAt;
    }

    String getSecretValue() {
        return this.secretValue;
    }

}
