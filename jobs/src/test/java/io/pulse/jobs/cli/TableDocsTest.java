package io.pulse.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import io.pulse.jobs.CliRun;
import io.pulse.jobs.TableCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/tables.md is the rendering of TableCatalog, and every table and column is documented. */
class TableDocsTest {
  private static final Path COMMITTED = Path.of("..", "docs", "tables.md");

  @Test
  void theCommittedPageIsTheRenderingOfTheCatalog() throws IOException {
    String rendered = TableDocs.render(TableCatalog.all());
    String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";

    assertEquals(
        rendered,
        committed,
        "docs/tables.md is stale: run `" + TableDocs.COMMAND + "` and commit docs/tables.md");
  }

  @Test
  void everyTableAndColumnHasAComment() {
    List<String> missing = new ArrayList<>();
    for (TableDef table : TableCatalog.all()) {
      String name = table.layer().database() + "." + table.name();
      if (table.comment() == null || table.comment().isBlank()) {
        missing.add(name);
      }
      for (ColumnDef column : table.columns()) {
        if (column.comment() == null || column.comment().isBlank()) {
          missing.add(name + "." + column.name());
        }
      }
    }

    assertEquals(List.of(), missing, "tables and columns without a comment");
  }

  @Test
  void theCatalogNamesEachTableOnceAndCoversEveryLayer() {
    Set<String> names = new HashSet<>();
    Set<Layer> layers = new HashSet<>();
    for (TableDef table : TableCatalog.all()) {
      assertTrue(names.add(table.layer().database() + "." + table.name()), table.name());
      layers.add(table.layer());
    }

    // 11 bronze sources + 11 silver entities × (table + quarantine) + 25 gold (7 accounts and
    // revenue, 2 usage, 2 cohorts, 3 experience, 2 support, 4 engagement and onboarding, 3 health,
    // 1 alerts, 1 backtest) + 4 ops = 62
    assertEquals(62, names.size());
    assertEquals(Set.of(Layer.values()), layers);
    assertTrue(names.containsAll(Set.of("bronze.accounts", "silver.tickets_quarantine")));
    assertTrue(names.containsAll(Set.of("gold.kpi_monthly", "ops.job_runs", "ops.changed_dates")));
  }

  @Test
  void aTableRendersItsCommentPartitionsAndColumns() {
    TableDef table =
        new TableDef(
            Layer.GOLD,
            "t",
            "A table",
            List.of(
                new ColumnDef("d", DataTypes.DateType, "The day"),
                new ColumnDef("amount", new DecimalType(18, 4), "|C| + |X|")),
            List.of("d"));

    String page = TableDocs.render(List.of(table));

    assertTrue(
        page.contains(
            "\n### gold.t\n\nA table\n\nPartitioned by `d`.\n\n"
                + "| column | type | comment |\n|---|---|---|\n"
                + "| `d` | `date` | The day |\n"
                + "| `amount` | `decimal(18,4)` | \\|C\\| + \\|X\\| |\n"),
        page);
    assertTrue(page.contains("- [gold.t](#goldt)\n"), page);
    assertTrue(!page.contains("## bronze"), page);
  }

  @Test
  void theCommandWritesThePage(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("docs/tables.md");

    CliRun run = CliRun.of("docs-tables", "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(TableDocs.render(TableCatalog.all()), Files.readString(out));
  }
}
