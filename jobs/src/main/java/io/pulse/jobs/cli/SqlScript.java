package io.pulse.jobs.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script as {@code pulse sql --file} reads it: statements end with a {@code ;} at the end of
 * a line, and the {@code --} comment lines just before a statement are its title, printed above its
 * result. A {@code ;} inside a line (in a string literal, say) does not end a statement.
 */
public final class SqlScript {
  private SqlScript() {}

  /** One statement and the title written above it (null when none). */
  public record Statement(String title, String sql) {}

  public static List<Statement> parse(String text) {
    List<Statement> statements = new ArrayList<>();
    List<String> title = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      if (sql.isEmpty() && trimmed.startsWith("--")) {
        title.add(trimmed.substring(2).strip());
        continue;
      }
      if (sql.isEmpty() && trimmed.isEmpty()) {
        continue;
      }
      sql.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        statements.add(statement(title, sql));
        title.clear();
        sql.setLength(0);
      }
    }
    if (!sql.toString().isBlank()) {
      statements.add(statement(title, sql));
    }
    return statements;
  }

  private static Statement statement(List<String> title, StringBuilder sql) {
    String body = sql.toString().strip();
    if (body.endsWith(";")) {
      body = body.substring(0, body.length() - 1).strip();
    }
    return new Statement(title.isEmpty() ? null : String.join(" ", title), body);
  }
}
