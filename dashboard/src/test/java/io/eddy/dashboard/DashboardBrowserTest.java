package io.eddy.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.SegmentEvent;
import io.eddy.features.SegmentationBundle;
import io.eddy.online.ConcurrentClusterer;
import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real browser: Debian's headless Chromium driven by Selenium through the
 * installed chromedriver (nothing is downloaded). Screenshots go to {@code target/screenshots}.
 */
@Timeout(120)
class DashboardBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target", "screenshots");

  static ChromeDriver driver;
  static Path downloads;
  static SegmentationBundle bundle;
  static Dashboard saved;

  @BeforeAll
  static void start() throws Exception {
    assertThat(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM))
        .as("the browser tests need Debian's headless Chromium: apt-get install chromium chromium-driver "
            + "(%s and %s)", CHROMIUM, CHROMEDRIVER)
        .isTrue();
    // Selenium Manager must not look for drivers online: the driver and browser are given.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    Files.createDirectories(SHOTS);
    downloads = Files.createTempDirectory("eddy-downloads");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run");
    o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, o);
    driver.manage().window().setSize(new Dimension(1400, 1000));
    bundle = Fixtures.bundle();
    saved = Dashboard.start(bundle, Dashboard.Options.DEFAULTS.withTitle("Mall customers"));
    for (double[] x : Fixtures.customers(600, 21)) {
      saved.offer(x);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (saved != null) {
      saved.close();
    }
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  static void open(Dashboard d) {
    driver.get(d.uri().toString());
    waiting().until(w -> "true".equals(w.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  static void tab(String name) {
    driver.findElement(By.cssSelector("#tabs button[data-tab='" + name + "']")).click();
  }

  static void shoot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  @Test
  void overviewDrawsTheSampleAndOneCardPerSegment() throws Exception {
    open(saved);
    assertThat(driver.getTitle()).isEqualTo("Mall customers");
    List<WebElement> cards = driver.findElements(By.cssSelector("#cards .card"));
    assertThat(cards).hasSize(3);
    for (WebElement c : cards) {
      int label = Integer.parseInt(c.getDomAttribute("data-label"));
      assertThat(c.getText()).contains(bundle.segment(label).name()).contains("size " + bundle.segment(label).size());
    }
    assertThat(driver.findElement(By.id("scatter")).getDomAttribute("data-drawn")).isEqualTo("600");
    shoot("overview");
  }

  @Test
  void moreThanTwoFeaturesAreDrawnOnTheirPrincipalComponents() throws Exception {
    SegmentationBundle wide = Fixtures.wideBundle();
    try (Dashboard d = Dashboard.start(wide, Dashboard.Options.DEFAULTS.withTitle("Four features"))) {
      for (double[] x : Fixtures.wideRows(300, 12)) {
        d.offer(x);
      }
      open(d);
      assertThat(text("scatter-note")).contains("PC1 (").contains("PC2 (");
      assertThat(driver.findElements(By.cssSelector("#predict-fields input"))).hasSize(4);
      shoot("overview-pca");
    }
  }

  @Test
  void predictionFormAnswersAsTheLibraryDoes() throws Exception {
    open(saved);
    tab("predict");
    double[] point = {101, 66};
    for (int j = 0; j < point.length; j++) {
      WebElement in = driver.findElement(By.id("f-" + j));
      in.clear();
      in.sendKeys(Double.toString(point[j]));
    }
    driver.findElement(By.id("predict-submit")).click();
    waiting().until(w -> w.findElement(By.id("predict-result")).isDisplayed());
    SegmentationBundle.Score s = bundle.score(point);
    assertThat(text("predict-segment")).isEqualTo(Integer.toString(s.segment()));
    assertThat(text("predict-name")).isEqualTo(s.name()).isEqualTo("affluent");
    assertThat(Double.parseDouble(text("predict-distance"))).isCloseTo(s.distance(), org.assertj.core.data.Offset.offset(1e-3));
    assertThat(Double.parseDouble(text("predict-confidence"))).isCloseTo(s.confidence(), org.assertj.core.data.Offset.offset(1e-3));
    assertThat(driver.findElement(By.id("predict-scatter")).getDomAttribute("data-point")).isEqualTo("101,66");
    shoot("predict");
  }

  @Test
  void batchUploadShowsTheTableAndDownloadsTheScoredFile() throws Exception {
    double[][] rows = Fixtures.customers(45, 77);
    String csv = Fixtures.csv(rows);
    Path upload = Files.createTempFile("customers", ".csv");
    Files.writeString(upload, csv);
    String expected = DashboardApiTest.HTTP.send(HttpRequest.newBuilder(saved.uri().resolve("/api/score"))
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    open(saved);
    tab("batch");
    driver.findElement(By.id("batch-file")).sendKeys(upload.toAbsolutePath().toString());
    driver.findElement(By.id("batch-submit")).click();
    waiting().until(w -> w.findElements(By.cssSelector("#batch-table tr")).size() == rows.length + 1);
    List<WebElement> cells = driver.findElements(By.cssSelector("#batch-table tr:nth-child(2) td"));
    SegmentationBundle.Score s = bundle.score(rows[0]);
    assertThat(cells.get(0).getText()).isEqualTo("c0");
    assertThat(cells.get(3).getText()).isEqualTo(Integer.toString(s.segment()));
    assertThat(cells.get(4).getText()).isEqualTo(s.name());
    assertThat(text("batch-summary")).startsWith("45 rows scored");
    String[] counts = driver.findElement(By.id("batch-chart")).getDomAttribute("data-values").split(",");
    assertThat(java.util.Arrays.stream(counts).mapToInt(Integer::parseInt).sum()).isEqualTo(45);
    shoot("batch");
    driver.findElement(By.id("batch-download")).click();
    File downloaded = waitForDownload();
    assertThat(Files.readString(downloaded.toPath(), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(downloaded.getName()).startsWith(upload.getFileName().toString().replace(".csv", "") + "-scored");
  }

  static File waitForDownload() throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      File[] done = downloads.toFile().listFiles((dir, n) -> n.endsWith(".csv"));
      if (done != null && done.length > 0) {
        return done[0];
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no file downloaded into " + downloads);
  }

  @Test
  void analyticsShowsSizesProfilesAndQuality() throws Exception {
    open(saved);
    tab("analytics");
    waiting().until(w -> !w.findElements(By.cssSelector("#profiles tr")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("#profiles tr"))).hasSize(1 + 3 + 1);
    double silhouette = Double.parseDouble(text("q-silhouette").split(" ")[0]);
    assertThat(silhouette).isGreaterThan(0.7);
    assertThat(driver.findElements(By.cssSelector("#sizes-chart canvas"))).isNotEmpty();
    shoot("analytics");
  }

  @Test
  void livePageUpdatesWithoutReloading() throws Exception {
    ConcurrentClusterer<?> c = Fixtures.clusterer();
    try (Dashboard d = Dashboard.start(c, Dashboard.Options.DEFAULTS.withFeatureNames(Fixtures.FEATURES)
        .withInterval(Duration.ofMillis(250)).withTitle("Live audience"));
        DashboardApiTest.Learner l = new DashboardApiTest.Learner(c, d, 3_000)) {
      open(d);
      tab("live");
      Object marker = driver.executeScript("window.eddyMarker = Math.random(); return window.eddyMarker;");
      waiting().until(w -> Integer.parseInt(text("live-ticks")) >= 2);
      long seen1 = Long.parseLong(text("live-seen").replace(",", ""));
      int ticks1 = Integer.parseInt(text("live-ticks"));
      waiting().until(w -> Integer.parseInt(text("live-ticks")) >= ticks1 + 4);
      long seen2 = Long.parseLong(text("live-seen").replace(",", ""));
      assertThat(seen2).isGreaterThan(seen1);
      assertThat(text("live-segments")).isEqualTo("3");
      assertThat(text("live-events-source")).startsWith("Guessed by comparing successive snapshots");
      assertThat(text("live-splits")).isEqualTo("–");
      // The same page: a reload would have dropped the marker.
      assertThat(driver.executeScript("return window.eddyMarker;")).isEqualTo(marker);
      for (String chart : List.of("chart-segments", "chart-drift", "chart-rate", "chart-quality")) {
        assertThat(driver.findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).hasSize(1);
      }
      shoot("live");
      tab("overview");
      waiting().until(w -> w.findElements(By.cssSelector("#cards .card")).size() == 3);
      shoot("live-overview");
    }
  }

  @Test
  void livePageListsTheLineageOfADensityClusterer() throws Exception {
    ConcurrentClusterer<?> c = Fixtures.dbstream();
    try (Dashboard d = Dashboard.start(c, Dashboard.Options.DEFAULTS.withFeatureNames(Fixtures.XY).withDensity(true)
        .withInterval(Duration.ofMillis(200)).withTitle("Live density"))) {
      open(d);
      tab("live");
      // The scripted stream over a few seconds, so that the page sees its segments come and go.
      Thread learner = new Thread(() -> {
        SplittableRandom rng = new SplittableRandom(3);
        try {
          for (int t = 0; t < 3 * Fixtures.PHASE; t++) {
            double[] x = Fixtures.scripted(t, rng);
            c.learn(x);
            d.offer(x);
            if (t % 10 == 9) {
              Thread.sleep(2);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      learner.start();
      learner.join(60_000);
      c.publish();
      List<SegmentEvent> lineage = c.events(0);
      waiting().until(w -> w.findElements(By.cssSelector("#live-events li")).size() == lineage.size()
          && text("live-seen").equals("9,000"));
      List<String> listed = new ArrayList<>();
      for (WebElement li : driver.findElements(By.cssSelector("#live-events li"))) {
        listed.add(li.getText().substring(li.getText().indexOf(": ") + 2));
      }
      // Newest first, and exactly the clusterer's events: the page's guesses from before its
      // first reclustering were dropped.
      Collections.reverse(listed);
      assertThat(listed).isEqualTo(lineage.stream().map(DashboardBrowserTest::sentence).toList());
      int b = c.events(0).stream().filter(e -> e.kind() == SegmentEvent.Kind.VANISHED).findFirst().orElseThrow()
          .from().get(0);
      assertThat(listed).contains("segment " + b + " vanished");
      assertThat(Long.parseLong(text("live-births")))
          .isEqualTo(lineage.stream().filter(e -> e.kind() == SegmentEvent.Kind.BORN).count()).isGreaterThanOrEqualTo(3);
      assertThat(Long.parseLong(text("live-vanishings"))).isPositive();
      assertThat(text("live-splits")).isEqualTo(Long.toString(
          lineage.stream().filter(e -> e.kind() == SegmentEvent.Kind.SPLIT).count()));
      assertThat(text("live-events-source")).startsWith("Recorded by the clusterer");
      assertThat(text("live-segments")).isEqualTo(Integer.toString(c.snapshot().clusterCount()));
      // Tall enough to show the events below the charts.
      driver.manage().window().setSize(new Dimension(1400, 1500));
      try {
        shoot("live-density");
      } finally {
        driver.manage().window().setSize(new Dimension(1400, 1000));
      }
    }
  }

  /** How the page words an event. */
  static String sentence(SegmentEvent e) {
    return switch (e.kind()) {
      case BORN -> "segment " + e.to().get(0) + " born";
      case VANISHED -> "segment " + e.from().get(0) + " vanished";
      case MERGED -> "segments " + join(e.from()) + " merged into " + e.to().get(0);
      case SPLIT -> "segment " + e.from().get(0) + " split into " + join(e.to());
    };
  }

  static String join(List<Integer> labels) {
    return String.join(" + ", labels.stream().map(String::valueOf).toList());
  }
}
