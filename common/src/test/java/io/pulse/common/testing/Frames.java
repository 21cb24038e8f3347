package io.pulse.common.testing;

import com.holdenkarau.spark.testing.JavaDatasetSuiteBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** spark-testing-base's DataFrame assertions, on the shared session. */
public final class Frames {
  private static final JavaDatasetSuiteBase BASE = new JavaDatasetSuiteBase();

  private Frames() {}

  /** Same schema and same rows, in any order. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    SparkTestSession.get();
    BASE.assertDataFrameNoOrderEquals(expected, actual);
  }

  /** Same schema and same rows in the same order. */
  public static void assertSameRowsInOrder(Dataset<Row> expected, Dataset<Row> actual) {
    SparkTestSession.get();
    BASE.assertDataFrameEquals(expected, actual);
  }
}
