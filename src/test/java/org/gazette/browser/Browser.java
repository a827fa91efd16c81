package org.gazette.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with its own profile, and the few things the browser tests ask
 * of it: open a page, follow a click to the next page, run a script, report dialogs,
 * console errors and Content-Security-Policy violations.
 */
final class Browser {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /**
     * Runs before any script of every page: records the page's Content-Security-Policy
     * violations. Scripts added through the DevTools protocol are not subject to the page's
     * policy, so this works on pages that forbid inline scripts.
     */
    private static final String WATCH_SCRIPT = """
            window.__gazetteCspViolations = [];
            document.addEventListener('securitypolicyviolation', function (event) {
              window.__gazetteCspViolations.push(event.violatedDirective + ' blocked '
                  + (event.blockedURI || 'inline code') + ' in ' + event.sourceFile + ':' + event.lineNumber);
            });
            """;

    private final ChromeDriver driver;

    private final Path profile;

    private final boolean javaScript;

    private Browser(ChromeDriver driver, Path profile, boolean javaScript) {
        this.driver = driver;
        this.profile = profile;
        this.javaScript = javaScript;
    }

    static Browser start(Path chromium, Path chromedriver, boolean javaScript) {
        Path profile = createProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-extensions",
                "--disable-default-apps", "--disable-sync", "--no-first-run", "--no-default-browser-check",
                "--disable-features=Translate,MediaRouter,OptimizationHints", "--password-store=basic",
                "--window-size=1280,900", "--user-data-dir=" + profile,
                // The page scrolls smoothly unless the reader asks for less motion; a click
                // WebDriver scrolls to must find the element where it stopped.
                "--force-prefers-reduced-motion");
        // Leave dialogs open, so that a test sees an alert() a page opened instead of
        // Chromium dismissing it.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        // An explicit driver and binary: Selenium Manager is never asked to find or fetch one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .withSilent(true)
            .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        }
        catch (RuntimeException ex) {
            service.stop();
            deleteProfile(profile);
            throw ex;
        }
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        if (javaScript) {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_SCRIPT));
        }
        return new Browser(driver, profile, javaScript);
    }

    ChromeDriver driver() {
        return this.driver;
    }

    /** Opens a URL and waits until the page has loaded. */
    void open(String url) {
        this.driver.get(url);
    }

    String currentUrl() {
        return this.driver.getCurrentUrl();
    }

    WebElement find(By by) {
        return this.driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return this.driver.findElements(by);
    }

    <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(this.driver, PATIENCE).until(condition);
    }

    /**
     * Whether the element has left the document: stale, or, as chromedriver sometimes
     * says it while a navigation replaces the document, "does not belong to the document"
     * (a general error that {@link ExpectedConditions#stalenessOf} lets through).
     */
    static ExpectedCondition<Boolean> gone(WebElement element) {
        return (driver) -> {
            try {
                element.isEnabled();
                return false;
            }
            catch (StaleElementReferenceException ex) {
                return true;
            }
            catch (WebDriverException ex) {
                if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw ex;
            }
        };
    }

    /** Clicks something that loads another page, and waits until that page has loaded. */
    void clickAndWaitForNextPage(WebElement element) {
        WebElement root = this.driver.findElement(By.tagName("html"));
        element.click();
        waitUntil(gone(root));
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body")));
        if (this.javaScript) {
            waitUntil((driver) -> "complete".equals(script("return document.readyState")));
        }
    }

    /**
     * The words of an element as written in the page, whitespace collapsed. Unlike
     * {@link WebElement#getText()} this ignores {@code text-transform}: the dateline shown
     * in small capitals still reads "January 12, 2022".
     */
    static String text(WebElement element) {
        String text = element.getDomProperty("textContent");
        return (text != null) ? text.strip().replaceAll("\\s+", " ") : "";
    }

    @SuppressWarnings("unchecked")
    <T> T script(String script, Object... arguments) {
        return (T) this.driver.executeScript(script, arguments);
    }

    /** Whether a dialog (alert, confirm, prompt) is open; one that is gets dismissed. */
    boolean dialogOpen() {
        try {
            this.driver.switchTo().alert().dismiss();
            return true;
        }
        catch (NoAlertPresentException ex) {
            return false;
        }
    }

    /** The console messages logged at error level since the last call. */
    List<String> consoleErrors() {
        return this.driver.manage()
            .logs()
            .get(LogType.BROWSER)
            .getAll()
            .stream()
            .filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    }

    /** The Content-Security-Policy violations of the current page. */
    List<String> cspViolations() {
        List<String> violations = script("return window.__gazetteCspViolations;");
        if (violations == null) {
            throw new IllegalStateException("The policy watch script did not run on " + currentUrl());
        }
        return violations;
    }

    /** Forgets every cookie, as a new visitor would have none. */
    void forgetCookies() {
        this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /**
     * Leaves the page and drops whatever the console logged so far, so that one test's
     * messages never reach the next test sharing this browser.
     */
    void forgetConsole() {
        this.driver.get("about:blank");
        consoleErrors();
    }

    void quit() {
        try {
            this.driver.quit();
        }
        finally {
            deleteProfile(this.profile);
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("gazette-chromium-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
        }
        catch (IOException ex) {
            // A profile left behind in the temporary directory harms nothing.
        }
    }

}
