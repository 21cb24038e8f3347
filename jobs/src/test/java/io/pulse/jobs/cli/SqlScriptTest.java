package io.pulse.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void statementsEndAtALineEndingSemicolonAndTakeTheCommentsBeforeThemAsTitle() {
    String script =
        "-- every table\n"
            + "SHOW TABLES;\n"
            + "\n"
            + "-- accounts of\n"
            + "-- one segment\n"
            + "SELECT 'a;b' AS x\r\n"
            + "  FROM t WHERE s = 'smb';\n"
            + "SELECT 1\n";

    assertEquals(
        List.of(
            new SqlScript.Statement("every table", "SHOW TABLES"),
            new SqlScript.Statement(
                "accounts of one segment", "SELECT 'a;b' AS x\n  FROM t WHERE s = 'smb'"),
            new SqlScript.Statement(null, "SELECT 1")),
        SqlScript.parse(script));
  }

  @Test
  void anEmptyScriptHasNoStatements() {
    assertEquals(List.of(), SqlScript.parse("-- nothing here\n\n"));
  }
}
