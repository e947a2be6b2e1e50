package no.kildevakt.review;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven by Selenium, headless, for the page tests: started once per test class,
 * offline (no background networking, no component updates) and with its own profile, deleted at the
 * end. Skips the test class (an assumption, not a failure) where chromium or chromium-driver is not
 * installed; {@code .ci/run} installs both.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;
    private final URI base;

    private HeadlessChromium(URI base, int width, int height) throws IOException {
        this.base = base;
        profile = Files.createTempDirectory("kildevakt-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=nb-NO");
        // the driver is given explicitly, so Selenium Manager has nothing to look up or download
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    /** Skips the calling test class unless chromium and its driver are installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
    }

    /** A browser for pages under {@code base}, in a window of the given size. */
    static HeadlessChromium start(URI base, int width, int height) throws IOException {
        assumeInstalled();
        return new HeadlessChromium(base, width, height);
    }

    void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    /** Saves the window as {@code target/screenshots/NAME.png}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A condition a test waits for; may fail while the page is changing under it. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits up to 5 s for {@code condition}; fails naming {@code what}. A condition that throws counts as not yet. */
    static void waitUntil(String what, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception | AssertionError e) {
                // the page is reloading or the element was replaced: look again
            }
            Thread.sleep(25);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
