package io.pulse.jobs.experience;

import static org.apache.spark.sql.functions.udf;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The sentiment of a text (METRICS.md §5, E4): VADER's compound score in [−1, 1], from the
 * lexicon-based analyzer {@code com.github.apanimesh061:vader-sentiment-analyzer}. Null for null or
 * blank text. This is Pulse's only UDF: no Spark built-in scores sentiment.
 *
 * <p>VADER loads its lexicon once per JVM (a static of the library), so each executor reads it on
 * its first text. Its analyzer object holds the text being scored, so each task thread reuses one
 * of its own instead of building one per row or sharing one across threads.
 */
public final class Sentiment {
  private Sentiment() {}

  private static final ThreadLocal<SentimentAnalyzer> ANALYZER =
      ThreadLocal.withInitial(SentimentAnalyzer::new);

  private static final UserDefinedFunction UDF =
      udf((UDF1<String, Double>) Sentiment::compound, DataTypes.DoubleType).withName("sentiment");

  /** The compound score of {@code text} as a Spark column (double, null for null or blank). */
  public static Column of(Column text) {
    return UDF.apply(text);
  }

  /**
   * VADER's compound score of {@code text}, which VADER rounds to 4 decimals; kept as those 4
   * decimals (0.4404, not the float's 0.44040000438...). Null for null or blank text.
   */
  public static Double compound(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    SentimentAnalyzer analyzer = ANALYZER.get();
    try {
      analyzer.setInputString(text);
      analyzer.setInputStringProperties();
    } catch (IOException e) {
      // Lucene tokenizes from a StringReader: no real I/O can fail here.
      throw new UncheckedIOException("VADER could not tokenize a text", e);
    }
    analyzer.analyze();
    return Double.valueOf(Float.toString(analyzer.getPolarity().get("compound")));
  }
}
