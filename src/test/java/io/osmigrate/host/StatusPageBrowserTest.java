package io.osmigrate.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.osmigrate.pipeline.FaultInjection;
import io.osmigrate.sample.SampleOptions;
import io.osmigrate.testsupport.Browser;

/**
 * The host's status page in a real browser (Debian's chromium, through chromedriver): a job dropped in the inbox
 * shows as the current run with a table of the data phase in progress (held at its first committed batch so the
 * page is seen mid-run, whatever the machine's speed), then with its outcome once let go, then in the recent runs,
 * whose link leads to the run's dead letters with their reason, source row and mapped row. The page is never
 * reloaded by the test: what changes, changes by the page's own polling (which replaces the parts it fetched, so
 * every look at them is retried until it holds). Screenshots land in
 * {@code target/screenshots/} (the README's come from there).
 */
class StatusPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    private HostMain host;
    private WebDriver browser;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (host != null) {
            host.stop();
        }
    }

    @Test
    void thePageShowsTheRunInProgressThenItsOutcomeThenItsDeadLetters() throws Exception {
        browser = Browser.start();
        // the destination holds 3 coupons whose Code a source coupon has: their rows are dead-lettered
        HostFixture f = new HostFixture(tmp, SampleOptions.of(300).withConflictingCoupons(true))
                .with("osmigrate.batch-size = 10");
        host = new HostMain(f.config);
        host.start();
        HostFixture.await("the host to become active", () -> Optional.of(host.isActive()).filter(a -> a));
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);

        browser.get("http://127.0.0.1:" + f.managementPort + "/");
        assertThat(browser.findElement(By.id("role")).getDomAttribute("data-role")).isEqualTo("active");
        assertThat(browser.findElement(By.id("current")).getText()).contains("No run since this host started");

        try (FaultInjection.Hold held = FaultInjection.holdAt("after-commit")) {
            f.drop("run.yaml", f.job("run"));
            // a table of the data phase with rows read, while the run is held at its first committed batch
            String moving = wait.until(d -> d.findElements(By.cssSelector(
                    "#current .run[data-state='running'] table.entities tr[data-phase='data']")).stream()
                    .filter(row -> Long.parseLong(row.getDomAttribute("data-done")) > 0)
                    .map(row -> row.getText() + " | " + String.format("%,d of %,d", Long.parseLong(row.getDomAttribute("data-done")),
                            Long.parseLong(row.getDomAttribute("data-total"))))
                    .findFirst().orElse(null));
            assertThat(moving.substring(0, moving.indexOf(" | "))).as("rows done of total, shown")
                    .contains(moving.substring(moving.indexOf(" | ") + 3));
            String data = wait.until(d -> attribute(d, "#current tr[data-phase='data']", "data-state"));
            assertThat(data).isEqualTo("running");
            String statics = wait.until(d -> attribute(d, "#current tr[data-phase='statics']", "data-state"));
            assertThat(statics).as("a phase before the data is done").isEqualTo("done");
            screenshot("status-page-running.png");
        }

        String outcome = wait.until(d -> text(d, "#current .run[data-state='DEAD_LETTERS'] .outcome"));
        assertThat(outcome).isEqualTo("DEAD_LETTERS");
        List<String> phases = wait.until(d -> d.findElements(By.cssSelector("#current table.phases tr[data-state]")).stream()
                .map(p -> p.getDomAttribute("data-state")).toList());
        assertThat(phases).isNotEmpty().allSatisfy(state -> assertThat(state).isEqualTo("done"));
        String runId = wait.until(d -> text(d, "#current a.run-link"));
        String row = "#recent tr[data-run='" + runId + "']";
        String listed = wait.until(d -> attribute(d, row, "data-state"));
        assertThat(listed).isEqualTo("DEAD_LETTERS");
        screenshot("status-page.png");

        wait.until(d -> {
            d.findElement(By.cssSelector(row + " a.run-link")).click();
            return true;
        });
        List<WebElement> letters = wait.until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("tr.dead-letter"));
            return rows.isEmpty() ? null : rows;
        });
        // the run's page does not poll: its elements stay
        WebElement letter = letters.stream().filter(l -> "OrdersCore.Coupon".equals(l.getDomAttribute("data-entity")))
                .findFirst().orElseThrow(() -> new AssertionError("no dead letter of OrdersCore.Coupon on " + browser.getPageSource()));
        assertThat(letter.findElement(By.cssSelector(".reason")).getText()).isEqualTo("unique-violation");
        // the conflicting Code is in the source row as read and in the row as it was to be written
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("CPN-\\d+")
                .matcher(letter.findElement(By.cssSelector(".source-row")).getText());
        assertThat(code.find()).as("a coupon code in the source row").isTrue();
        assertThat(letter.findElement(By.cssSelector(".mapped-row")).getText()).contains(code.group());
        screenshot("status-page-run.png");
    }

    /** An element's text, or null (wait on) while there is none. */
    private static String text(WebDriver d, String css) {
        WebElement e = first(d, css);
        return e == null ? null : e.getText();
    }

    /** An element's attribute, or null (wait on) while there is none. */
    private static String attribute(WebDriver d, String css, String name) {
        WebElement e = first(d, css);
        return e == null ? null : e.getDomAttribute(name);
    }

    private static WebElement first(WebDriver d, String css) {
        List<WebElement> found = d.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0);
    }

    private void screenshot(String name) throws Exception {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(name), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
