package org.gazette;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code logging.structured.format.console} set (README), every log line is one
 * JSON object that a log collector can read without parsing text; without it, lines
 * stay plain text.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

    /**
     * Boot keeps the format in a system property (read by its Logback configuration) that
     * outlives the application: cleared, and logging set up again, so that the tests that
     * run after this one in the same JVM log plain text as they expect.
     */
    @AfterEach
    void plainLogsAgain() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
        System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
        start().close();
    }

    @Test
    void logLinesAreJsonWhenStructuredLoggingIsOn(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start("logging.structured.format.console=ecs")) {
            LogFactory.getLog(StructuredLogsTests.class).info("A line for the collector");
        }

        String line = output.getOut()
            .lines()
            .filter((candidate) -> candidate.contains("A line for the collector"))
            .findFirst()
            .orElseThrow();
        assertThat(line).startsWith("{")
            .endsWith("}")
            .contains("\"message\":\"A line for the collector\"", "\"log\":{\"level\":\"INFO\"");
    }

    @Test
    void logLinesArePlainTextByDefault(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start()) {
            LogFactory.getLog(StructuredLogsTests.class).info("A line for people");
        }

        assertThat(output.getOut().lines().filter((line) -> line.contains("A line for people")))
            .singleElement()
            .asString()
            .doesNotStartWith("{")
            .contains(" INFO ");
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(NothingToConfigure.class).web(WebApplicationType.NONE)
            .properties(properties)
            .run();
    }

    @Configuration(proxyBeanMethods = false)
    static class NothingToConfigure {

    }

}
