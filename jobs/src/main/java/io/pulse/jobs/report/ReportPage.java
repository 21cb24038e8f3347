package io.pulse.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders {@link ReportData} as one self-contained HTML page: the template resource with ECharts
 * (from its WebJar) and the page script inlined, the data as a JSON block the script charts, and
 * the KPI and at-risk tables rendered here as plain HTML. Nothing is loaded from the network.
 */
public final class ReportPage {
  /** Charts the page script draws; it sets data-charts-rendered to this when all have finished. */
  public static final int CHARTS = 7;

  private static final String RESOURCES = "/io/pulse/jobs/report/";
  private static final String WEBJAR = "META-INF/resources/webjars/echarts/";
  private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  private ReportPage() {}

  public static String render(ReportData data) {
    return resource(RESOURCES + "report.html")
        .replace("<!--pulse:run-date-->", Html.escape(data.runDate()))
        .replace("<!--pulse:first-month-->", Html.escape(data.firstMonth()))
        .replace(
            "<!--pulse:health-day-->",
            data.healthDay() == null
                ? "no health rows on or before the run date"
                : data.healthDay())
        .replace("<!--pulse:charts-expected-->", Integer.toString(CHARTS))
        .replace("<!--pulse:kpi-table-->", kpiTable(data.revenue()))
        .replace("<!--pulse:at-risk-table-->", atRiskTable(data))
        .replace("/*pulse:echarts*/", echarts())
        .replace("/*pulse:page-script*/", resource(RESOURCES + "report.js"))
        .replace("<!--pulse:data-->", ReportJson.write(data));
  }

  /** echarts.min.js of the WebJar on the classpath, whichever version the build brings. */
  static String echarts() {
    Properties pom = new Properties();
    try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException("the ECharts WebJar is not on the classpath");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resource("/" + WEBJAR + pom.getProperty("version") + "/dist/echarts.min.js");
  }

  private static String kpiTable(List<RevenueTrend.Month> months) {
    StringBuilder rows = new StringBuilder();
    for (RevenueTrend.Month m : months) {
      rows.append("<tr><td>")
          .append(m.month(), 0, 7)
          .append("</td>")
          .append(
              Stream.of(
                      m.mrrStart(),
                      m.newMrr(),
                      m.reactivationMrr(),
                      m.expansionMrr(),
                      m.contractionMrr(),
                      m.churnMrr(),
                      m.mrrEnd())
                  .map(v -> "<td class=\"num\">" + money(v) + "</td>")
                  .collect(Collectors.joining()))
          .append(
              Stream.of(m.nrr(), m.grr(), m.logoChurnRate())
                  .map(v -> "<td class=\"num\">" + percent(v) + "</td>")
                  .collect(Collectors.joining()))
          .append("</tr>\n");
    }
    return rows.toString();
  }

  private static String atRiskTable(ReportData data) {
    if (data.atRisk().isEmpty()) {
      return "<tr><td colspan=\"8\">No scored account on or before the run date.</td></tr>\n";
    }
    StringBuilder rows = new StringBuilder();
    for (AtRiskAccounts.Account a : data.atRisk()) {
      rows.append("<tr data-account-id=\"")
          .append(Html.escape(a.accountId()))
          .append("\"><td>")
          .append(Html.escape(a.accountName() == null ? a.accountId() : a.accountName()))
          .append("<br><small>")
          .append(Html.escape(a.accountId()))
          .append("</small></td><td>")
          .append(Html.escape(a.segment()))
          .append("</td><td class=\"num\">")
          .append(a.healthScore())
          .append("</td><td><span class=\"band band-")
          .append(Html.escape(a.band()))
          .append("\">")
          .append(Html.escape(a.band()))
          .append("</span></td><td class=\"num\">")
          .append(a.scoreChange30d() == null ? "–" : signed(a.scoreChange30d()))
          .append("</td><td>")
          .append(Html.escape(a.quadrant() == null ? "–" : a.quadrant().replace('_', ' ')))
          .append("</td><td>")
          .append(drivers(a.drivers()))
          .append("</td><td>")
          .append(alerts(data.alertsComputed(), a.openAlerts()))
          .append("</td></tr>\n");
    }
    return rows.toString();
  }

  private static String drivers(List<AtRiskAccounts.Driver> drivers) {
    if (drivers.isEmpty()) {
      return "<span class=\"muted\">no measure fell in 30 days</span>";
    }
    return drivers.stream()
        .map(
            d ->
                Html.escape(d.measure().replace('_', ' '))
                    + " "
                    + String.format(Locale.ROOT, "%+.1f", d.contributionChange30d())
                    + " pts")
        .collect(Collectors.joining("<br>"));
  }

  private static String alerts(boolean computed, List<AtRiskAccounts.OpenAlert> alerts) {
    if (!computed) {
      return "<span class=\"muted\">alerts not computed</span>";
    }
    if (alerts.isEmpty()) {
      return "<span class=\"muted\">none open</span>";
    }
    return alerts.stream()
        .map(
            a ->
                Html.escape(a.alertType().replace('_', ' '))
                    + " <small>("
                    + Html.escape(a.severity())
                    + ", since "
                    + Html.escape(a.openedOn())
                    + ")</small>")
        .collect(Collectors.joining("<br>"));
  }

  /** Money for reading: two decimals, thousands grouped; the JSON keeps the stored scale. */
  static String money(BigDecimal value) {
    return value == null
        ? "–"
        : String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_UP));
  }

  static String percent(Double ratio) {
    return ratio == null ? "–" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  private static String signed(int value) {
    return value > 0 ? "+" + value : Integer.toString(value);
  }

  private static String resource(String name) {
    try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
