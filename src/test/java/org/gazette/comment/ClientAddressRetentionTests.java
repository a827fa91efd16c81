package org.gazette.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.gazette.article.Article;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest(properties = "gazette.privacy.client-address-retention-days=90")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ ClientAddressRetention.class, PostingClients.class, ClientAddressRetentionTests.Config.class })
class ClientAddressRetentionTests {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Autowired
    private ClientAddressRetention retention;

    @Autowired
    private TestEntityManager entities;

    @Test
    void clearsClientAddressesOlderThanTheRetentionPeriodOnly() {
        Article article = this.entities.persist(new Article("retention", "Retention", NOW, NOW));
        Comment old = this.entities.persist(comment(article, NOW.minus(Duration.ofDays(91)), "198.51.100.1"));
        Comment oldIpv6 = this.entities.persist(comment(article, NOW.minus(Duration.ofDays(92)), "2001:db8:1:2::7"));
        Comment recent = this.entities.persist(comment(article, NOW.minus(Duration.ofDays(89)), "198.51.100.2"));
        this.entities.flush();

        assertThat(this.retention.clearExpired()).isEqualTo(2);
        this.entities.clear();

        assertThat(this.entities.find(Comment.class, old.getId()).getClientAddress()).isNull();
        assertThat(this.entities.find(Comment.class, recent.getId()).getClientAddress()).isEqualTo("198.51.100.2");
        assertThat(this.entities.find(Comment.class, old.getId()).getBody()).isEqualTo("Text");
        assertThat(network(old)).isNull();
        assertThat(network(oldIpv6)).isNull();
        assertThat(network(recent)).isEqualTo("198.51.100.2");
    }

    /** The network flood control knows the comment's client by, as stored. */
    private Object network(Comment comment) {
        return this.entities.getEntityManager()
            .createNativeQuery("select client_network from comment where id = ?1")
            .setParameter(1, comment.getId())
            .getSingleResult();
    }

    private static Comment comment(Article article, Instant at, String address) {
        return new Comment(article, null, new Author("Ann", "ann@example.com", null), "Text",
                new Verdict(CommentStatus.APPROVED, StatusReason.MODERATION_OFF, null), address, at);
    }

    @TestConfiguration
    @EnableConfigurationProperties(PrivacyProperties.class)
    static class Config {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

    }

}
