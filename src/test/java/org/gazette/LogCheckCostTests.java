package org.gazette;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checking whether a level is enabled stays a field comparison: Thymeleaf asks on every
 * expression it evaluates, and with a logback turbo filter installed each question runs
 * the filter chain (Micrometer's logback binder installs one to count log events, which
 * no exposed endpoint shows, so it is left out).
 */
@SpringBootTest
class LogCheckCostTests {

    @Test
    void noTurboFilterRunsOnEveryLevelCheck() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertThat(logging.getTurboFilterList()).isEmpty();
    }

}
