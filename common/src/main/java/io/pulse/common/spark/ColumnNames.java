package io.pulse.common.spark;

import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Column names as the Scala {@code Seq} that Spark's join-by-name methods take. */
public final class ColumnNames {
  private ColumnNames() {}

  public static Seq<String> seq(String... names) {
    return seq(List.of(names));
  }

  public static Seq<String> seq(List<String> names) {
    return CollectionConverters.asScala(names).toList();
  }
}
