package io.pulse.common.testing;

import com.holdenkarau.spark.testing.JavaDatasetSuiteBase;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * spark-testing-base's DataFrame assertions on the shared session. Column metadata (the catalog
 * comments a table carries) and nullability are left out of the comparison: tests compare names,
 * types and values.
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
    StructField[] fields =
        Arrays.stream(frame.schema().fields())
            .map(f -> new StructField(f.name(), f.dataType(), true, Metadata.empty()))
            .toArray(StructField[]::new);
    return frame.sparkSession().createDataFrame(frame.toJavaRDD(), new StructType(fields));
  }
}
