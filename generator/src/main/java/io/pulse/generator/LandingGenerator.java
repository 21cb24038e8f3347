package io.pulse.generator;

import io.pulse.common.error.PulseException;
import io.pulse.generator.daily.AccountDay;
import io.pulse.generator.daily.AccountState;
import io.pulse.generator.daily.GlobalRows;
import io.pulse.generator.life.AccountPlan;
import io.pulse.generator.life.LifePlanner;
import io.pulse.generator.output.LandingOutput;
import io.pulse.generator.output.PartitionWriter;
import io.pulse.generator.output.Row;
import io.pulse.generator.output.Source;
import io.pulse.generator.output.SourceStats;
import io.pulse.generator.output.TruthWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the landing zone day by day. Accounts are split into fixed chunks generated in parallel
 * and concatenated in account order, and the next day is generated while the current one is
 * written, so output bytes never depend on the thread count and memory holds about two days.
 */
public final class LandingGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(LandingGenerator.class);

  /** Accounts per parallel task: fixed, so the work split never depends on the core count. */
  static final int CHUNK = 16;

  private final GeneratorSpec spec;
  private final LandingOutput out;

  public LandingGenerator(GeneratorSpec spec, LandingOutput out) {
    this.spec = spec;
    this.out = out;
  }

  /** Writes everything and returns what was written per source. */
  public Map<Source, SourceStats> run() {
    LifePlanner planner = new LifePlanner(spec.seed(), spec.start(), spec.end());
    List<AccountPlan> plans = new ArrayList<>(spec.accounts());
    for (int i = 0; i < spec.accounts(); i++) {
      plans.add(planner.plan(i));
    }
    List<List<AccountState>> chunks = new ArrayList<>();
    for (int i = 0; i < plans.size(); i += CHUNK) {
      chunks.add(
          plans.subList(i, Math.min(plans.size(), i + CHUNK)).stream()
              .map(AccountState::new)
              .toList());
    }
    GlobalRows global = new GlobalRows(spec.seed(), spec.start(), spec.end());
    ExecutorService pool = Executors.newFixedThreadPool(spec.threads(), LandingGenerator::daemon);
    try (TruthWriter truth = new TruthWriter(out)) {
      truth.accounts(plans);
      PartitionWriter writer = new PartitionWriter(out, truth, spec.seed(), spec.badRowRate());
      long first = spec.start().toEpochDay();
      long last = spec.end().toEpochDay();
      List<Future<Map<Source, List<Row>>>> pending = submit(pool, chunks, first, first);
      for (long day = first; day <= last; day++) {
        List<Map<Source, List<Row>>> parts = await(pending);
        if (day < last) {
          pending = submit(pool, chunks, first, day + 1); // generate tomorrow while writing today
        }
        write(writer, global, day, day == first, parts);
        if ((day - first) % 30 == 29) {
          LOG.info("generated {} of {} days", day - first + 1, spec.days());
        }
      }
      return writer.stats();
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Future<Map<Source, List<Row>>>> submit(
      ExecutorService pool, List<List<AccountState>> chunks, long first, long day) {
    List<Future<Map<Source, List<Row>>>> futures = new ArrayList<>(chunks.size());
    for (List<AccountState> chunk : chunks) {
      futures.add(pool.submit(() -> AccountDay.generate(spec.seed(), first, day, chunk)));
    }
    return futures;
  }

  private static List<Map<Source, List<Row>>> await(List<Future<Map<Source, List<Row>>>> futures) {
    List<Map<Source, List<Row>>> parts = new ArrayList<>(futures.size());
    try {
      for (Future<Map<Source, List<Row>>> f : futures) {
        parts.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PulseException p) {
        throw p;
      }
      throw new IllegalStateException("generating a day failed: " + e.getCause(), e.getCause());
    }
    return parts;
  }

  private static void write(
      PartitionWriter writer,
      GlobalRows global,
      long day,
      boolean firstDay,
      List<Map<Source, List<Row>>> parts) {
    LocalDate dt = LocalDate.ofEpochDay(day);
    for (Source source : Source.values()) {
      List<Row> rows;
      if (source == Source.PLANS) {
        rows = global.plans(day);
        if (rows.isEmpty()) {
          continue; // the catalogue is delivered monthly
        }
      } else if (source == Source.FX_RATES) {
        rows = global.fxRates(day);
      } else {
        rows = new ArrayList<>();
        for (Map<Source, List<Row>> part : parts) {
          rows.addAll(part.get(source));
        }
      }
      writer.write(source, dt, firstDay, rows);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "pulse-generate");
    t.setDaemon(true);
    return t;
  }
}
