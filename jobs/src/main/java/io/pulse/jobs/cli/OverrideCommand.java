package io.pulse.jobs.cli;

import io.pulse.common.cli.ConfigOptions;
import io.pulse.common.cli.Sessions;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.UsageException;
import io.pulse.common.table.DeltaWriter;
import io.pulse.common.table.TableResolver;
import io.pulse.jobs.health.HealthOverrides;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse override --account A --score S --reason TEXT --expires D} (or {@code --account A
 * --clear}): a CSM pins an account's health score in gold.health_overrides (METRICS.md §7). The
 * override shows beside the computed score until it expires; it never replaces it. Input is checked
 * before Spark starts: a wrong value exits 2 with one line.
 */
@Command(
    name = "override",
    mixinStandardHelpOptions = true,
    description =
        "Set (or --clear) a CSM override of an account's health score, shown beside the computed"
            + " score until it expires.")
public final class OverrideCommand implements Callable<Integer> {
  @Option(names = "--account", required = true, paramLabel = "A", description = "Account id.")
  String account;

  @Option(names = "--score", paramLabel = "S", description = "Score to pin, 0..100.")
  Integer score;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why; must not be empty.")
  String reason;

  @Option(
      names = "--expires",
      paramLabel = "YYYY-MM-DD",
      description = "Last day the override applies (inclusive); today or later (UTC).")
  LocalDate expires;

  @Option(names = "--clear", description = "End the account's override in force.")
  boolean clear;

  @Mixin ConfigOptions configOptions;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The time the override is stamped with; fixed in tests. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    Instant now = clock.instant();
    if (account.isBlank()) {
      throw new UsageException("--account must not be empty");
    }
    if (clear && (score != null || reason != null || expires != null)) {
      throw new UsageException("--clear takes only --account, not --score, --reason or --expires");
    }
    HealthOverrides.Request request =
        clear ? null : request(LocalDate.ofInstant(now, ZoneOffset.UTC));
    PulseConfig config = configOptions.load();
    SparkSession spark = Sessions.open(config);
    TableResolver tables = new TableResolver(config.warehouse());
    DeltaWriter writer = new DeltaWriter(spark, tables);
    PrintWriter out = spec.commandLine().getOut();
    if (clear) {
      boolean cleared = HealthOverrides.clear(spark, tables, writer, account.strip(), now);
      out.println(
          cleared
              ? "override of " + account + " cleared"
              : "no override of " + account + " to clear: nothing changed");
    } else {
      String user = HealthOverrides.currentUser();
      HealthOverrides.set(spark, writer, request, user, now);
      out.printf(
          "override of %s set to %d until %s by %s%n",
          request.accountId(), request.score(), request.expiresOn(), user);
    }
    out.flush();
    return 0;
  }

  private HealthOverrides.Request request(LocalDate today) {
    if (score == null || reason == null || expires == null) {
      throw new UsageException(
          "give --score, --reason and --expires to set an override, or --clear");
    }
    return HealthOverrides.Request.of(account, score, reason, expires, today);
  }
}
