package io.pulse.common.testing;

import static org.apache.spark.sql.functions.col;

import com.holdenkarau.spark.testing.JavaDatasetSuiteBase;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;

/**
 * spark-testing-base's DataFrame assertions on the shared session. Column metadata (the catalog
 * comments a table carries) is left out of the comparison: tests compare names, types and values.
 */
public final class Frames {
  private static final JavaDatasetSuiteBase BASE = new JavaDatasetSuiteBase();

  private Frames() {}

  /** Same columns and types, same rows, in any order. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    SparkTestSession.get();
    BASE.assertDataFrameNoOrderEquals(withoutMetadata(expected), withoutMetadata(actual));
  }

  /** Same columns and types, same rows in the same order. */
  public static void assertSameRowsInOrder(Dataset<Row> expected, Dataset<Row> actual) {
    SparkTestSession.get();
    BASE.assertDataFrameEquals(withoutMetadata(expected), withoutMetadata(actual));
  }

  private static Dataset<Row> withoutMetadata(Dataset<Row> frame) {
    Column[] plain =
        Arrays.stream(frame.columns())
            .map(c -> col("`" + c + "`").as(c, Metadata.empty()))
            .toArray(Column[]::new);
    return frame.select(plain);
  }
}
