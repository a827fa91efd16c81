package org.gazette.comment;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code gazette.comments.*} properties as the application binds them at start-up:
 * a token secret too short to sign safely stops the start-up and says why.
 */
class CommentPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
        .withUserConfiguration(Properties.class);

    @Test
    void tokenSecretShorterThan32BytesStopsTheStartUpNamingThePropertyAndTheMinimum() {
        this.runner.withPropertyValues("gazette.comments.token-secret=" + "s".repeat(31)).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("gazette.comments.token-secret")
                .hasMessageContaining("at least 32 bytes");
        });
    }

    @Test
    void tokenSecretIsCountedInUtf8Bytes() {
        this.runner.withPropertyValues("gazette.comments.token-secret=" + "é".repeat(16))
            .run((context) -> assertThat(context).hasNotFailed());
        this.runner.withPropertyValues("gazette.comments.token-secret=" + "é".repeat(15) + "s")
            .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void tokenSecretOf32BytesStarts() {
        this.runner.withPropertyValues("gazette.comments.token-secret=" + "s".repeat(32)).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CommentProperties.class).tokenSecret()).hasSize(32);
        });
    }

    @Test
    void emptyOrAbsentTokenSecretStartsSoThatOneIsGenerated() {
        this.runner.withPropertyValues("gazette.comments.token-secret=").run((context) -> assertThat(context)
            .hasNotFailed());
        this.runner.run((context) -> assertThat(context.getBean(CommentProperties.class).tokenSecret()).isNull());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CommentProperties.class)
    static class Properties {

    }

}
