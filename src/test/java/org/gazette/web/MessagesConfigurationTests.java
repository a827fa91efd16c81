package org.gazette.web;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.gazette.web.MessagesConfiguration.UncontendedMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's messages are formatted by many threads at once, each getting its own
 * right text, and none waits while another is in the middle of formatting the same message.
 */
class MessagesConfigurationTests {

    private static final Locale LOCALE = Locale.CANADA;

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        this.threads.shutdownNow();
    }

    @Test
    void theApplicationFormatsItsMessagesWithTheUncontendedSourceAndItsBundles() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                    MessageSourceAutoConfiguration.class))
            .withUserConfiguration(MessagesConfiguration.class)
            .withPropertyValues("spring.messages.basename=messages,desk,desk-admin")
            .run((context) -> {
                assertThat(context.getBean("messageSource")).isInstanceOf(UncontendedMessageSource.class);
                assertThat(context.getMessage("desk.row.history.pending", new Object[] { 1234 }, LOCALE))
                    .isEqualTo("1,234 pending");
                assertThat(context.getMessage("site.name", null, LOCALE)).isEqualTo("Gazette");
            });
    }

    @Test
    void aThreadFormatsAMessageWhileAnotherIsStillFormattingIt() throws Exception {
        MessageSource messages = desk(new UncontendedMessageSource());
        SlowFormatting slow = startSlowFormatting(messages);

        CompletableFuture<String> other = select(messages, "Ann");
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("Select the comment by Ann");

        slow.release().countDown();
        assertThat(slow.result().get(10, TimeUnit.SECONDS)).isEqualTo("Select the comment by Slow");
    }

    @Test
    void springsOwnSourceMakesThatThreadWait() throws Exception {
        MessageSource messages = desk(new ResourceBundleMessageSource());
        SlowFormatting slow = startSlowFormatting(messages);

        CompletableFuture<String> other = select(messages, "Ann");
        Thread.sleep(200);
        assertThat(other).as("waiting on the shared format").isNotDone();

        slow.release().countDown();
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("Select the comment by Ann");
    }

    /**
     * Starts formatting "Select the comment by …" with a name whose {@code toString} waits
     * for the returned latch, and returns once that thread is inside the formatting.
     */
    private SlowFormatting startSlowFormatting(MessageSource messages) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Object slowName = new Object() {
            @Override
            public String toString() {
                inside.countDown();
                await(release);
                return "Slow";
            }
        };
        CompletableFuture<String> result = select(messages, slowName);
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return new SlowFormatting(release, result);
    }

    private CompletableFuture<String> select(MessageSource messages, Object name) {
        return CompletableFuture.supplyAsync(
                () -> messages.getMessage("desk.row.select", new Object[] { name }, LOCALE), this.threads);
    }

    private record SlowFormatting(CountDownLatch release, CompletableFuture<String> result) {

    }

    @Test
    void manyThreadsEachGetTheirOwnCountsAndNames() throws Exception {
        MessageSource messages = desk(new UncontendedMessageSource());
        var results = IntStream.range(0, 2_000)
            .mapToObj((i) -> CompletableFuture.supplyAsync(
                    () -> messages.getMessage("desk.row.history.approved", new Object[] { i }, LOCALE) + " / "
                            + messages.getMessage("desk.row.actions", new Object[] { "Reader " + i }, LOCALE),
                    this.threads))
            .toList();
        for (int i = 0; i < results.size(); i++) {
            String approved = switch (i) {
                case 0 -> "0 approved";
                case 1 -> "1 approved";
                default -> String.format(LOCALE, "%,d approved", i);
            };
            assertThat(results.get(i).get(10, TimeUnit.SECONDS))
                .isEqualTo(approved + " / Actions for the comment by Reader " + i);
        }
    }

    private static MessageSource desk(ResourceBundleMessageSource messages) {
        messages.setBasenames("messages", "desk", "desk-admin");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
