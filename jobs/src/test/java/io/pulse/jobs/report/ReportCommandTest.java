package io.pulse.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulse.common.table.Layer;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.common.testing.TestDirs;
import io.pulse.jobs.CliRun;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.cli.ReportCommand;
import io.pulse.jobs.revenue.RevenueTables;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code pulse report} on {@link ReportFixture}'s gold tables, run as the CLI runs it: the JSON in
 * the page holds the tables' values for the window and nothing else, the tables are escaped, the
 * page needs no network, and Debian's chromium (installed by scripts/install-chromium when missing)
 * draws all its charts with no console message; its screenshot is the one in docs.
 */
@SparkTest
@Tag("slow")
class ReportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DATA =
      Pattern.compile(
          "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

  private static JobTestWarehouse warehouse;
  private static Path work;
  private static boolean alertsFoundBeforeWritten;
  private static String page;
  private static Path pageFile;
  private static JsonNode data;

  @BeforeAll
  static void runReports() throws Exception {
    warehouse = new JobTestWarehouse("report");
    work = TestDirs.unique("report-out");
    ReportFixture.writeGold(warehouse);
    alertsFoundBeforeWritten =
        ReportInputs.open(SparkTestSession.get(), warehouse.tables()).alerts().isPresent();
    ReportFixture.writeAlerts(warehouse);
    pageFile = report(work.resolve("page"));
    page = Files.readString(pageFile);
    data = embeddedData(page);
  }

  /** Runs pulse report on the fixture's warehouse into {@code out}; returns the page. */
  private static Path report(Path out) {
    CliRun run =
        CliRun.of(
            args(warehouseRoot(), "--run-date", ReportFixture.RUN_DATE, "--out", out.toString()));
    assertEquals(0, run.exitCode(), run.err());
    Path file = out.resolve(ReportCommand.FILE_NAME);
    assertTrue(run.out().contains("wrote " + file.toAbsolutePath()), run.out());
    return file;
  }

  private static List<String> args(String warehouseRoot, String... reportArgs) {
    List<String> all = new ArrayList<>(List.of("report"));
    all.addAll(List.of(reportArgs));
    all.addAll(SparkTestSession.confArgs());
    all.addAll(
        List.of(
            "--conf",
            "pulse.warehouse=" + warehouseRoot,
            "--conf",
            "pulse.landing=" + work.resolve("landing").toUri()));
    return all;
  }

  private static String warehouseRoot() {
    String gold = warehouse.tables().databaseLocation(Layer.GOLD);
    return gold.substring(0, gold.length() - "/gold".length());
  }

  private static JsonNode embeddedData(String html) throws Exception {
    Matcher m = DATA.matcher(html);
    assertTrue(m.find(), "no report-data block");
    return JSON.readTree(m.group(1));
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (node.path(field).asText().equals(value)) {
        return node;
      }
    }
    throw new AssertionError("no element with " + field + " = " + value + " in " + array);
  }

  private static void assertMoney(String expected, JsonNode actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), actual.toString());
  }

  @Test
  void missingGoldTableExits3NamingIt() {
    Path empty = TestDirs.unique("report-empty").resolve("warehouse");
    CliRun run =
        CliRun.of(
            args(
                empty.toUri().toString(),
                "--run-date",
                ReportFixture.RUN_DATE,
                "--out",
                work.resolve("none").toString()));
    assertEquals(3, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(
        run.err().contains("gold.kpi_monthly does not exist; run `pulse revenue` first"),
        run.err());
    assertFalse(Files.exists(work.resolve("none")));
  }

  @Test
  void outThatIsAFileIsAUsageError() throws Exception {
    Path file = Files.writeString(work.resolve("a-file"), "x");
    CliRun run =
        CliRun.of(
            args(warehouseRoot(), "--run-date", ReportFixture.RUN_DATE, "--out", file.toString()));
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("is a file, not a folder"), run.err());
  }

  @Test
  void revenueIsKpiMonthlyOfSegmentAllInTheWindow() {
    JsonNode revenue = data.get("revenue");
    List<String> months = new ArrayList<>();
    revenue.forEach(m -> months.add(m.get("month").asText()));
    assertEquals(List.of("2025-12-01", "2026-01-01", "2026-02-01", "2026-03-01"), months);

    JsonNode january = find(revenue, "month", "2026-01-01");
    BigDecimal tableNewMrr =
        warehouse
            .read(RevenueTables.KPI_MONTHLY)
            .where(col("month").equalTo("2026-01-01").and(col("segment").equalTo("all")))
            .first()
            .getDecimal(3);
    assertMoney(tableNewMrr.toPlainString(), january.get("newMrr"));
    assertMoney("200", january.get("newMrr"));
    assertMoney("-30", january.get("contractionMrr"));
    assertMoney("-100", january.get("churnMrr"));
    assertMoney("1120", january.get("mrrEnd"));
    assertEquals(0.92, january.get("nrr").asDouble());
    assertEquals(0.87, january.get("grr").asDouble());
    assertEquals(0.1, january.get("logoChurnRate").asDouble());
    JsonNode march = find(revenue, "month", "2026-03-01");
    assertMoney("300.5", march.get("newMrr"));
    assertEquals(1.0092592592592593, march.get("nrr").asDouble());
    // No MRR at the start of 2025-12: its rates are null on the page too, not 0.
    assertTrue(find(revenue, "month", "2025-12-01").get("nrr").isNull());

    // The KPI table shows the same months, money to the cent.
    assertTrue(
        page.contains(
            "<td>2026-03</td><td class=\"num\">1,080.00</td><td class=\"num\">300.50</td>"),
        page);
    assertTrue(page.contains("<td class=\"num\">100.9%</td>"));
  }

  @Test
  void cohortsAreSegmentAllStartedInTheWindow() {
    JsonNode cohorts = data.get("cohorts");
    assertEquals(7, cohorts.size());
    JsonNode last = cohorts.get(3);
    assertEquals("2025-12-01", last.get("cohortMonth").asText());
    assertEquals(3, last.get("monthsSince").asInt());
    assertEquals(0.5, last.get("logoRetention").asDouble());
    assertEquals(0.6, last.get("revenueRetention").asDouble());
    assertTrue(last.get("partial").asBoolean());
    JsonNode expanded = cohorts.get(5);
    assertEquals("2026-01-01", expanded.get("cohortMonth").asText());
    assertEquals(1, expanded.get("monthsSince").asInt());
    assertEquals(1.2, expanded.get("revenueRetention").asDouble());
    assertEquals(2, expanded.get("cohortAccounts").asLong());
  }

  @Test
  void bandCountsAndQuadrantsComeFromHealthUpToTheRunDate() {
    assertEquals("2026-03-10", data.get("healthDay").asText());
    List<String> bands = new ArrayList<>();
    data.get("bands")
        .forEach(
            b ->
                bands.add(
                    b.get("day").asText()
                        + " "
                        + b.get("band").asText()
                        + " "
                        + b.get("accounts").asLong()));
    assertEquals(
        List.of(
            "2026-03-09 green 1",
            "2026-03-09 red 2",
            "2026-03-09 yellow 1",
            "2026-03-10 green 1",
            "2026-03-10 red 1",
            "2026-03-10 yellow 4"),
        bands);

    List<String> points = new ArrayList<>();
    data.get("quadrants")
        .forEach(
            p ->
                points.add(
                    p.get("quadrant").asText()
                        + " "
                        + p.get("outcomeScore").asInt()
                        + ","
                        + p.get("experienceScore").asInt()
                        + " "
                        + p.get("accounts").asLong()));
    // A2's experience 45.5 rounds half up to 46; A3 (50, 80) and A6 (50.4, 79.6) share a point;
    // A7 has no outcome score and so no quadrant.
    assertEquals(
        List.of(
            "at_risk_experience 70,46 1",
            "failing 30,41 1",
            "hollow_experience 50,80 2",
            "success 90,85 1"),
        points);
  }

  @Test
  void atRiskAccountsWithDriversAndOpenAlerts() {
    JsonNode atRisk = data.get("atRisk");
    List<String> order = new ArrayList<>();
    atRisk.forEach(a -> order.add(a.get("accountId").asText()));
    // Lowest score first; A7 and A2 both 55, A7 fell more; A5 has no score.
    assertEquals(List.of("A1", "A7", "A2", "A3", "A6", "A4"), order);

    JsonNode acme = atRisk.get(0);
    assertEquals("Acme <Corp> & Co", acme.get("accountName").asText());
    assertEquals(35, acme.get("healthScore").asInt());
    assertEquals(-20, acme.get("scoreChange30d").asInt());
    List<String> drivers = new ArrayList<>();
    acme.get("drivers")
        .forEach(
            d ->
                drivers.add(
                    d.get("measure").asText() + " " + d.get("contributionChange30d").asDouble()));
    assertEquals(List.of("engagement -12.5", "adoption -6.0", "sentiment -1.5"), drivers);
    assertEquals(6.0, acme.get("drivers").get(0).get("contribution").asDouble());

    assertTrue(data.get("alertsComputed").asBoolean());
    List<String> alerts = new ArrayList<>();
    atRisk.forEach(
        a ->
            a.get("openAlerts")
                .forEach(
                    al ->
                        alerts.add(
                            a.get("accountId").asText()
                                + " "
                                + al.get("alertType").asText()
                                + " "
                                + al.get("openedOn").asText())));
    assertEquals(List.of("A1 usage_drop 2026-03-01", "A2 champion_left 2026-03-02"), alerts);

    // The HTML table escapes the name; no raw markup from the data reaches the page.
    assertTrue(page.contains("Acme &lt;Corp&gt; &amp; Co"));
    assertFalse(page.contains("<Corp>"));
    assertTrue(page.contains("engagement -12.5 pts"));
    assertTrue(page.contains("usage drop <small>(high, since 2026-03-01)</small>"));
  }

  @Test
  void withoutTheAlertsTableThePageSaysAlertsNotComputed() throws Exception {
    assertFalse(alertsFoundBeforeWritten);
    ReportData noAlerts =
        new ReportData(
            ReportFixture.RUN_DATE,
            "2025-04-01",
            ReportFixture.RUN_DATE,
            false,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new AtRiskAccounts.Account(
                    "A1", "Acme", "smb", 35, "red", "failing", -20, List.of(), null)),
            List.of());
    String html = ReportPage.render(noAlerts);
    assertFalse(embeddedData(html).get("alertsComputed").asBoolean());
    assertTrue(embeddedData(html).get("atRisk").get(0).get("openAlerts").isNull());
    assertTrue(html.contains("alerts not computed"));
    assertFalse(page.contains("alerts not computed"));
  }

  @Test
  void experienceIsSegmentAllPerDayWithNullKept() {
    JsonNode days = data.get("experience");
    assertEquals(2, days.size());
    assertEquals("2026-03-09", days.get(0).get("day").asText());
    assertEquals(20.0, days.get(0).get("nps").asDouble());
    assertEquals(0.8, days.get(0).get("csat").asDouble());
    assertTrue(days.get(1).get("nps").isNull());
    assertEquals(0.75, days.get(1).get("csat").asDouble());
  }

  @Test
  void pageLoadsNothingFromTheNetwork() {
    String tags = page.replaceAll("(?s)<script>.*?</script>", "<script></script>");
    assertFalse(tags.contains(" src="), "an element loads a file");
    assertFalse(tags.contains("<link"), "a stylesheet is linked");
    assertFalse(tags.contains("url("), "CSS loads a file");
    assertTrue(page.contains("echarts"), "ECharts is inlined");
  }

  @Test
  void chromiumDrawsEveryChartWithoutConsoleErrors() throws Exception {
    Path browserDir = Files.createDirectories(work.resolve("chromium"));
    HeadlessChromium chromium = new HeadlessChromium(repositoryRoot(), browserDir);
    String version = chromium.ensureInstalled();
    assertTrue(version.startsWith("Chromium "), version);

    HeadlessChromium.Run dom = chromium.dumpDom(pageFile);
    assertEquals(List.of(), dom.consoleMessages(), "console messages of the page");
    String html = dom.stdout();
    assertTrue(
        html.contains("data-charts-rendered=\"" + ReportPage.CHARTS + "\""),
        "not every chart finished: " + bodyTag(html));
    assertFalse(bodyTag(html).contains("data-page-errors"), bodyTag(html));
    for (String id :
        List.of(
            "chart-mrr-waterfall",
            "chart-retention-rates",
            "chart-cohort-logo",
            "chart-cohort-revenue",
            "chart-health-bands",
            "chart-quadrants",
            "chart-experience")) {
      int at = html.indexOf("id=\"" + id + "\"");
      assertTrue(at >= 0, id);
      assertTrue(html.indexOf("<svg", at) > at, id + " has no drawing");
    }

    Path png = browserDir.resolve("report.png");
    HeadlessChromium.Run shot = chromium.screenshot(pageFile, png, 3400);
    assertEquals(List.of(), shot.consoleMessages());
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 10_000, "screenshot of " + bytes.length + " bytes");
    ByteBuffer header = ByteBuffer.wrap(bytes);
    assertEquals(0x89504E47, header.getInt(0), "PNG signature");
    assertEquals(1280, header.getInt(16), "PNG width");
  }

  private static String bodyTag(String html) {
    int at = html.indexOf("<body");
    return at < 0 ? "no body" : html.substring(at, html.indexOf('>', at) + 1);
  }

  /** The folder holding scripts/, from the module folder surefire runs in. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("scripts/install-chromium"))) {
      dir = dir.getParent();
    }
    assertTrue(dir != null, "scripts/install-chromium not found above the working directory");
    return dir;
  }
}
