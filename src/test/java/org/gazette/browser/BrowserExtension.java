package org.gazette.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts headless Chromium for a test class and quits it afterwards. Register it as a
 * static field with {@code @RegisterExtension}; then {@link #shared()} is one browser for
 * the whole class (its cookies are cleared after every test) and {@link #fresh()} or
 * {@link #freshWithoutJavaScript()} start a browser with a profile of its own that is
 * quit after the current test.
 * <p>
 * The browser is Debian's Chromium and chromedriver, found at {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver} unless the system properties {@code chrome.bin} and
 * {@code chromedriver} (or the environment variables {@code CHROME_BIN} and
 * {@code CHROMEDRIVER}) name others. When either is missing the tests are skipped, with a
 * message that says what to install, before the application is started.
 */
final class BrowserExtension implements ExecutionCondition, AfterEachCallback, AfterAllCallback {

    static final String NOT_INSTALLED = "Chromium or chromedriver not installed: browser tests skipped "
            + "(install Debian's chromium and chromium-driver)";

    private final Path chromium = locate("chrome.bin", "CHROME_BIN", "/usr/bin/chromium");

    private final Path chromedriver = locate("chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver");

    private final List<Browser> perTest = new ArrayList<>();

    private Browser shared;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return installed() ? ConditionEvaluationResult.enabled("Chromium at " + this.chromium)
                : ConditionEvaluationResult.disabled(notInstalledMessage());
    }

    /** The browser the whole class shares; started on first use. */
    Browser shared() {
        if (this.shared == null) {
            this.shared = start(true);
        }
        return this.shared;
    }

    /** A second browser with a fresh profile (no cookies), quit after the current test. */
    Browser fresh() {
        Browser browser = start(true);
        this.perTest.add(browser);
        return browser;
    }

    /** A browser with JavaScript switched off, quit after the current test. */
    Browser freshWithoutJavaScript() {
        Browser browser = start(false);
        this.perTest.add(browser);
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            quitAll(this.perTest);
        }
        finally {
            this.perTest.clear();
            if (this.shared != null) {
                this.shared.forgetCookies();
                this.shared.forgetConsole();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (this.shared != null) {
            Browser browser = this.shared;
            this.shared = null;
            browser.quit();
        }
    }

    private Browser start(boolean javaScript) {
        Assumptions.assumeTrue(installed(), this::notInstalledMessage);
        return Browser.start(this.chromium, this.chromedriver, javaScript);
    }

    private boolean installed() {
        return Files.isExecutable(this.chromium) && Files.isExecutable(this.chromedriver);
    }

    private String notInstalledMessage() {
        return NOT_INSTALLED + "; looked for " + this.chromium + " and " + this.chromedriver;
    }

    private static void quitAll(List<Browser> browsers) {
        RuntimeException failure = null;
        for (Browser browser : browsers) {
            try {
                browser.quit();
            }
            catch (RuntimeException ex) {
                if (failure == null) {
                    failure = ex;
                }
                else {
                    failure.addSuppressed(ex);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Path locate(String property, String variable, String fallback) {
        String configured = System.getProperty(property);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(variable);
        }
        return Path.of((configured == null || configured.isBlank()) ? fallback : configured);
    }

}
