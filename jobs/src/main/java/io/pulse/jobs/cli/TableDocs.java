package io.pulse.jobs.cli;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.List;
import java.util.Map;

/**
 * Renders docs/tables.md from the table definitions: per layer, per table its name, comment,
 * partition columns and a column table. The same text every time for the same definitions, so a
 * test can tell when the committed page is stale.
 */
public final class TableDocs {
  private TableDocs() {}

  /** The command that rewrites the page; named in the page and in the staleness test. */
  public static final String COMMAND = "scripts/pulse docs-tables";

  private static final Map<Layer, String> LAYER_TEXT =
      Map.of(
          Layer.BRONZE,
          "Landing data as delivered: every value a string, with ingest metadata; one partition"
              + " per delivery date (docs/landing.md).",
          Layer.SILVER,
          "Typed, validated entities with every version kept, and per entity the rows rejected"
              + " with their reason (docs/silver.md).",
          Layer.GOLD,
          "Facts and marts for analysts (docs/revenue.md).",
          Layer.OPS,
          "Pulse's own records: job runs, ingested files, reconciliation, changed dates.");

  /** The whole page for {@code tables}, grouped by layer in {@link Layer} order. */
  public static String render(List<TableDef> tables) {
    StringBuilder md = new StringBuilder();
    md.append("# Tables\n\n")
        .append("<!-- Generated from io.pulse.jobs.TableCatalog by `")
        .append(COMMAND)
        .append("`; do not edit by hand. -->\n\n")
        .append("Every table the Pulse jobs write, as registered in the catalog (database = layer)")
        .append(" with these table and column comments. Generated from the table definitions in")
        .append(" the code by `")
        .append(COMMAND)
        .append("`.\n");
    for (Layer layer : Layer.values()) {
      List<TableDef> inLayer = tables.stream().filter(t -> t.layer() == layer).toList();
      if (inLayer.isEmpty()) {
        continue;
      }
      md.append("\n## ").append(layer.database()).append("\n\n");
      md.append(LAYER_TEXT.get(layer)).append("\n\n");
      for (TableDef table : inLayer) {
        md.append("- [").append(qualified(table)).append("](#").append(anchor(table)).append(")\n");
      }
      for (TableDef table : inLayer) {
        renderTable(md, table);
      }
    }
    return md.toString();
  }

  private static void renderTable(StringBuilder md, TableDef table) {
    md.append("\n### ").append(qualified(table)).append("\n\n");
    md.append(table.comment()).append("\n\n");
    if (table.partitionBy().isEmpty()) {
      md.append("Not partitioned.\n\n");
    } else {
      md.append("Partitioned by ")
          .append(String.join(", ", table.partitionBy().stream().map(p -> "`" + p + "`").toList()))
          .append(".\n\n");
    }
    if (!table.properties().isEmpty()) {
      md.append("Delta properties: ")
          .append(
              String.join(
                  ", ",
                  table.properties().entrySet().stream()
                      .map(p -> "`" + p.getKey() + " = " + p.getValue() + "`")
                      .toList()))
          .append(".\n\n");
    }
    md.append("| column | type | comment |\n|---|---|---|\n");
    for (ColumnDef column : table.columns()) {
      md.append("| `")
          .append(cell(column.name()))
          .append("` | `")
          .append(cell(column.type().simpleString()))
          .append("` | ")
          .append(cell(column.comment()))
          .append(column.generated() ? cell(" (generated: `" + column.generatedAs() + "`)") : "")
          .append(" |\n");
    }
  }

  private static String qualified(TableDef table) {
    return table.layer().database() + "." + table.name();
  }

  /** GitHub's heading anchor: lower case, dots and other punctuation dropped. */
  private static String anchor(TableDef table) {
    return qualified(table).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_ -]", "");
  }

  /** A markdown table cell: pipes escaped, line breaks flattened. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
