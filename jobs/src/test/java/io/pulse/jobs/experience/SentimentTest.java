package io.pulse.jobs.experience;

import static io.pulse.jobs.experience.ExperienceFixture.EXPORT_FAILS;
import static io.pulse.jobs.experience.ExperienceFixture.EXPORT_FAILS_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.GOOD;
import static io.pulse.jobs.experience.ExperienceFixture.GOOD_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.GREAT;
import static io.pulse.jobs.experience.ExperienceFixture.GREAT_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.NEUTRAL;
import static io.pulse.jobs.experience.ExperienceFixture.NEUTRAL_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.NOT_GOOD;
import static io.pulse.jobs.experience.ExperienceFixture.NOT_GOOD_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.SMILEY;
import static io.pulse.jobs.experience.ExperienceFixture.SMILEY_SCORE;
import static io.pulse.jobs.experience.ExperienceFixture.TERRIBLE;
import static io.pulse.jobs.experience.ExperienceFixture.TERRIBLE_SCORE;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The analyzer alone: the scores the other tests rely on, its bounds and signs, what it does with
 * blank text, other languages, emoji and negation, and that it runs inside Spark tasks.
 */
@SparkTest
class SentimentTest {
  private static final SparkSession spark = SparkTestSession.get();

  /** The fixture's texts and VADER's compound score of each (its 4 decimals). */
  static final Map<String, Double> SCORES =
      Map.of(
          GREAT, GREAT_SCORE,
          TERRIBLE, TERRIBLE_SCORE,
          NEUTRAL, NEUTRAL_SCORE,
          EXPORT_FAILS, EXPORT_FAILS_SCORE,
          GOOD, GOOD_SCORE,
          NOT_GOOD, NOT_GOOD_SCORE,
          SMILEY, SMILEY_SCORE);

  @Test
  void theFixtureTextsScoreAsTheOtherTestsAssume() {
    SCORES.forEach((text, score) -> assertEquals(score, Sentiment.compound(text), text));
  }

  @Test
  void clearWordingHasItsSignAndEveryScoreIsWithinMinusOneToOne() {
    assertTrue(Sentiment.compound(GREAT) > 0.5);
    assertTrue(Sentiment.compound(TERRIBLE) < -0.5);
    assertEquals(0.0, Sentiment.compound(NEUTRAL)); // no lexicon word: neutral, still a score
    for (String text :
        List.of(
            "GREAT!!! Love it, love it, LOVE IT!!!",
            "awful awful awful, the worst, horrible!!!",
            "x",
            "12345")) {
      double score = Sentiment.compound(text);
      assertTrue(score >= -1 && score <= 1, text + " " + score);
    }
  }

  @Test
  void nullAndBlankTextHaveNoScore() {
    assertNull(Sentiment.compound(null));
    assertNull(Sentiment.compound(""));
    assertNull(Sentiment.compound(" \t\n"));
  }

  @Test
  void negationTurnsTheSign() {
    assertTrue(Sentiment.compound(GOOD) > 0);
    assertTrue(Sentiment.compound(NOT_GOOD) < 0);
  }

  @Test
  void otherLanguagesAndEmojiAreNotScored() {
    // The lexicon is English: German and Spanish words are unknown, so these score 0.
    assertEquals(0.0, Sentiment.compound("Das Produkt ist sehr gut"));
    assertEquals(0.0, Sentiment.compound("El producto es malo"));
    // Emoji are not in this port's lexicon (ASCII emoticons are): they add nothing.
    assertEquals(0.0, Sentiment.compound("\uD83D\uDE21\uD83D\uDE21"));
    assertEquals(Sentiment.compound("Great"), Sentiment.compound("Great \uD83D\uDE00"));
    assertTrue(Sentiment.compound(SMILEY) > 0);
  }

  @Test
  void sparkTasksScoreLikeTheDriver() {
    List<String> texts = new ArrayList<>(SCORES.keySet());
    texts.add(null);
    texts.add("  ");
    Dataset<Row> scored =
        spark
            .createDataset(texts, Encoders.STRING())
            .toDF("text")
            .repartition(3)
            .select(col("text"), Sentiment.of(col("text")).as("score"));
    List<Row> rows = scored.collectAsList();
    assertEquals(texts.size(), rows.size());
    for (Row row : rows) {
      String text = row.getString(0);
      Double expected = text == null || text.isBlank() ? null : SCORES.get(text);
      assertEquals(
          expected,
          row.isNullAt(1) ? null : row.getDouble(1),
          Arrays.toString(new Object[] {text}));
    }
  }
}
