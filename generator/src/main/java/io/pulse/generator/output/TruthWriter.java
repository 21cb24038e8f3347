package io.pulse.generator.output;

import io.pulse.generator.Times;
import io.pulse.generator.life.AccountPlan;
import io.pulse.generator.life.Driver;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The planted truth beside landing, under {@code _truth/} (jobs never read it): per account its
 * quadrant, drivers and churn dates, and every injected bad row.
 */
public final class TruthWriter implements AutoCloseable {
  public static final String ACCOUNTS = "_truth/accounts/accounts.csv";
  public static final String BAD_ROWS = "_truth/bad_rows/bad_rows.csv";

  public static final List<String> ACCOUNT_COLUMNS = accountColumns();

  public static final List<String> BAD_ROW_COLUMNS =
      List.of("source", "file", "record_number", "key", "kind", "detail");

  private final LandingOutput out;
  private final Writer badRows;

  public TruthWriter(LandingOutput out) {
    this.out = out;
    out.delete("_truth");
    badRows = writer(BAD_ROWS);
    line(badRows, BAD_ROW_COLUMNS);
  }

  private static List<String> accountColumns() {
    List<String> columns =
        new ArrayList<>(
            List.of(
                "account_id",
                "segment",
                "region",
                "currency",
                "quadrant",
                "drivers",
                "signup_date",
                "trial",
                "first_paid_date",
                "churn_decision_date",
                "churn_date",
                "churn_month",
                "reactivation_date",
                "trouble_start_date",
                "seats",
                "users"));
    for (Driver d : Driver.values()) {
      columns.add(d.code());
    }
    return List.copyOf(columns);
  }

  public void accounts(List<AccountPlan> plans) {
    try (Writer w = writer(ACCOUNTS)) {
      line(w, ACCOUNT_COLUMNS);
      for (AccountPlan p : plans) {
        StringJoiner drivers = new StringJoiner(";");
        p.drivers().forEach(d -> drivers.add(d.code()));
        List<String> v = new ArrayList<>();
        v.add(p.accountId());
        v.add(p.crmVersions().get(0).segment().code());
        v.add(p.country().region());
        v.add(p.country().currency());
        v.add(p.quadrant().code());
        v.add(drivers.toString());
        v.add(Times.date(p.signupDay()));
        v.add(Boolean.toString(p.trial()));
        v.add(date(p.firstPaidDay()));
        v.add(date(p.churnDecisionDay()));
        v.add(date(p.churnDay()));
        v.add(
            p.churnDay() == null
                ? ""
                : LocalDate.ofEpochDay(p.churnDay()).toString().substring(0, 7));
        v.add(date(p.reactivationDay()));
        v.add(Times.date(p.troubleStartDay()));
        v.add(Integer.toString(p.seats()));
        v.add(Integer.toString(p.users().size()));
        for (Driver d : Driver.values()) {
          v.add(Boolean.toString(p.has(d)));
        }
        line(w, v);
      }
    } catch (IOException e) {
      throw LandingOutput.failure("cannot write " + ACCOUNTS, e);
    }
    out.touch("_truth/accounts/_SUCCESS");
  }

  void badRow(Source source, String file, long record, String key, BadRowKind kind, String detail) {
    line(
        badRows,
        List.of(
            source.dirName(),
            file,
            record < 0 ? "" : Long.toString(record),
            key,
            kind.code(),
            detail));
  }

  private static String date(Long epochDay) {
    return epochDay == null ? "" : Times.date(epochDay);
  }

  private Writer writer(String relative) {
    return new BufferedWriter(
        new OutputStreamWriter(out.create(relative), StandardCharsets.UTF_8), 64 * 1024);
  }

  private static void line(Writer w, List<String> values) {
    try {
      w.write(RowFormat.CSV.format(values.toArray()));
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      badRows.close();
    } catch (IOException e) {
      throw LandingOutput.failure("cannot write " + BAD_ROWS, e);
    }
    out.touch("_truth/bad_rows/_SUCCESS");
  }
}
