package io.pulse.jobs.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.ExitCode;
import io.pulse.common.error.UsageException;
import io.pulse.common.testing.TestDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scorecard as parsed: the shipped default follows METRICS.md §7, segments override it, and
 * every kind of mistake is refused with exit 2 and its full key named.
 */
class ScorecardTest {
  private static Scorecard.InputRule input(Scorecard.Rules rules, Measure m, String signal) {
    return rules.measure(m).inputs().stream()
        .filter(i -> i.signal().equals(signal))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theShippedScorecardFollowsSectionSeven() {
    HealthSettings settings = HealthSettings.from(PulseConfig.of("local", Map.of()).raw());
    assertEquals("scorecard.conf", settings.scorecardLocation());
    Scorecard s = settings.scorecard();
    Scorecard.Rules d = s.defaults();
    assertEquals("2026-11-default", s.version());
    assertEquals(new Scorecard.Bands(50, 75), s.bands());
    assertEquals(60.0, s.quadrantThreshold());
    assertEquals(0.6, d.groupWeight(Measure.Group.OUTCOME));
    assertEquals(0.4, d.groupWeight(Measure.Group.EXPERIENCE));
    assertEquals(Map.of(), s.segments());
    // §7's maps: utilization 0.3 → 0, 0.8 → 100; (nps + 100) / 2; (s + 1) × 50.
    assertEquals(
        new Scorecard.InputRule("license_utilization", 0.3, 0.8, 1.0),
        input(d, Measure.DEPLOYMENT, "license_utilization"));
    assertEquals(
        new Scorecard.InputRule("nps", -100, 100, 1.0),
        input(d, Measure.OVERALL_EXPERIENCE, "nps"));
    assertEquals(
        new Scorecard.InputRule("sentiment", -1, 1, 1.0), input(d, Measure.SENTIMENT, "sentiment"));
    // Lower is better for reopen rate and SLA breaches: red above green.
    assertEquals(
        new Scorecard.InputRule("reopen_rate", 0.3, 0.05, 1.0),
        input(d, Measure.SUPPORT_EXPERIENCE, "reopen_rate"));
    assertEquals(
        new Scorecard.InputRule("sla_breaches_90d", 5, 0, 1.0),
        input(d, Measure.SUPPORT_EXPERIENCE, "sla_breaches_90d"));
    assertEquals(2.0, input(d, Measure.SUPPORT_EXPERIENCE, "csat").weight());
    assertEquals(
        List.of("key_feature_breadth", "key_feature_depth", "mau_change_28d"),
        d.measure(Measure.ADOPTION).inputs().stream().map(Scorecard.InputRule::signal).toList());
    assertEquals(
        List.of("champion_present", "key_contact_touchpoints_90d"),
        d.measure(Measure.ENGAGEMENT).inputs().stream().map(Scorecard.InputRule::signal).toList());
    assertEquals(7, d.measure(Measure.DEPLOYMENT).staleDays());
    for (Measure m : Measure.values()) {
      assertEquals(1.0, d.measure(m).weight(), m.key());
    }
  }

  @Test
  void aSegmentOverridesOnlyWhatItSets() {
    Scorecard s = HealthFixture.testScorecard();
    Scorecard.Rules ent = s.rulesFor("enterprise");
    assertEquals(4.0, ent.groupWeight(Measure.Group.OUTCOME));
    assertEquals(1.0, ent.groupWeight(Measure.Group.EXPERIENCE));
    assertEquals(
        new Scorecard.InputRule("license_utilization", 0.5, 1, 1.0),
        input(ent, Measure.DEPLOYMENT, "license_utilization"));
    assertEquals(1.0, ent.measure(Measure.ADOPTION).weight());
    // Not set by the segment: the defaults'.
    assertEquals(7, ent.measure(Measure.DEPLOYMENT).staleDays());
    assertEquals(2.0, ent.measure(Measure.SENTIMENT).weight());
    assertEquals(s.defaults().measure(Measure.ENGAGEMENT), ent.measure(Measure.ENGAGEMENT));
    // Any other segment, and no segment, get the defaults.
    assertSame(s.defaults(), s.rulesFor("smb"));
    assertSame(s.defaults(), s.rulesFor(null));
    assertEquals(2.0, s.defaults().measure(Measure.ADOPTION).weight());

    // A segment may add an input to a measure; the defaults keep theirs.
    Scorecard added =
        ScorecardParser.parse(
            ConfigFactory.parseString(
                    "segments.enterprise.measures.engagement.inputs.stickiness"
                        + " { red = 0, green = 0.5 }")
                .withFallback(HealthFixture.testConfig()),
            "test");
    assertEquals(
        List.of("champion_present", "key_contact_touchpoints_90d", "stickiness"),
        added.rulesFor("enterprise").measure(Measure.ENGAGEMENT).inputs().stream()
            .map(Scorecard.InputRule::signal)
            .toList());
    assertEquals(2, added.defaults().measure(Measure.ENGAGEMENT).inputs().size());
  }

  @Test
  void aScorecardFileIsFoundByPathToo() throws IOException {
    Path file = TestDirs.unique("scorecard").resolve("my-scorecard.conf");
    Files.createDirectories(file.getParent());
    Files.writeString(file, HealthFixture.TEST_SCORECARD);
    HealthSettings settings =
        HealthSettings.from(
            PulseConfig.of("local", Map.of("pulse.health.scorecard", file.toString())).raw());
    assertEquals("test-1", settings.scorecard().version());

    UsageException missing =
        assertThrows(UsageException.class, () -> HealthSettings.load("no-such-scorecard.conf"));
    assertTrue(missing.getMessage().contains("pulse.health.scorecard"), missing.getMessage());
    UsageException noFile =
        assertThrows(UsageException.class, () -> HealthSettings.load("./no/such.conf"));
    assertTrue(noFile.getMessage().contains("pulse.health.scorecard"), noFile.getMessage());
  }

  /** Parses the test scorecard with {@code change} laid over it (or keys removed) and fails. */
  private static String refused(Config scorecard) {
    UsageException e =
        assertThrows(UsageException.class, () -> ScorecardParser.parse(scorecard, "test"));
    assertEquals(ExitCode.USAGE, e.exitCode());
    return e.getMessage();
  }

  private static String refused(String change) {
    return refused(ConfigFactory.parseString(change).withFallback(HealthFixture.testConfig()));
  }

  private static void assertNames(String key, String message) {
    assertTrue(message.contains(key), "'" + message + "' should name " + key);
  }

  @Test
  void anUnknownMeasureOrSignalIsRefused() {
    assertNames(
        "measures.delight is not a measure",
        refused(
            "measures.delight { weight = 1, stale-days = 1, inputs { nps { red = 0, green = 1 } } }"));
    assertNames(
        "measures.deployment.inputs.seats_used: 'seats_used' is not a known signal column",
        refused("measures.deployment.inputs.seats_used { red = 0, green = 1 }"));
    assertNames(
        "measures.adoption.wieght is not a scorecard key", refused("measures.adoption.wieght = 2"));
    assertNames("colour is not a scorecard key", refused("colour = red"));
  }

  @Test
  void aWeightThatIsNotPositiveIsRefused() {
    assertNames("measures.adoption.weight must be > 0", refused("measures.adoption.weight = 0"));
    assertNames(
        "measures.support_experience.inputs.csat.weight must be > 0",
        refused("measures.support_experience.inputs.csat.weight = -1"));
    assertNames("group-weights.outcome must be > 0", refused("group-weights.outcome = 0"));
    assertNames("measures.roi.weight must be a number", refused("measures.roi.weight = heavy"));
  }

  @Test
  void redEqualToGreenIsRefused() {
    assertNames(
        "measures.deployment.inputs.license_utilization: red and green are both 0.5",
        refused("measures.deployment.inputs.license_utilization { red = 0.5, green = 0.5 }"));
  }

  @Test
  void aMissingKeyIsRefused() {
    Config test = HealthFixture.testConfig();
    assertNames(
        "missing key measures.roi.stale-days",
        refused(test.withoutPath("measures.roi.stale-days")));
    assertNames("missing key measures.sentiment", refused(test.withoutPath("measures.sentiment")));
    assertNames(
        "missing key measures.deployment.inputs.license_utilization.red",
        refused(test.withoutPath("measures.deployment.inputs.license_utilization.red")));
    assertNames("missing key version", refused(test.withoutPath("version")));
    assertNames(
        "missing key group-weights.experience",
        refused(test.withoutPath("group-weights.experience")));
    assertNames(
        "measures.roi.inputs is empty",
        refused(
            test.withoutPath("measures.roi.inputs")
                .withFallback(ConfigFactory.parseString("measures.roi.inputs {}"))));
  }

  @Test
  void aSegmentsMistakeIsNamedAsTheSegments() {
    assertNames(
        "segments.enterprise.measures.engagement.weight must be > 0",
        refused("segments.enterprise.measures.engagement.weight = -1"));
    assertNames(
        "segments.enterprise.measures.sentiment.inputs.nps_score: 'nps_score' is not a known",
        refused("segments.enterprise.measures.sentiment.inputs.nps_score { red = 0, green = 1 }"));
    assertNames(
        "segments.enterprise.bands is not a scorecard key",
        refused("segments.enterprise.bands.red-max = 40"));
    assertNames(
        "segments.smb.measures.deployment.inputs.license_utilization: red and green are both 1.0",
        refused("segments.smb.measures.deployment.inputs.license_utilization.red = 1"));
  }

  @Test
  void bandsAndThresholdMustBeOrderedAndInRange() {
    assertNames("bands.red-max (80) and bands.yellow-max (75)", refused("bands.red-max = 80"));
    assertNames("quadrant-threshold must be within 0..100", refused("quadrant-threshold = 101"));
  }
}
