package io.pulse.generator.catalog;

import java.util.List;

/**
 * Words the generator writes into text columns. Comments and ticket subjects carry clearly positive
 * or negative wording (so a lexicon sentiment analyzer scores them as intended), and some hold
 * commas, quotes and line breaks so CSV readers must honour RFC 4180 quoting.
 */
public final class Vocabulary {
  public static final List<String> INDUSTRIES =
      List.of(
          "Software",
          "Manufacturing",
          "Healthcare",
          "Financial Services",
          "Retail",
          "Education",
          "Logistics",
          "Media");

  public static final List<String> NAME_FIRST =
      List.of(
          "Acme", "Bolt", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris",
          "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Orbit", "Pioneer", "Quartz", "Ridge",
          "Summit", "Tidal", "Umbra", "Vertex", "Willow", "Zenith");

  public static final List<String> NAME_LAST =
      List.of(
          "Analytics",
          "Corp",
          "Labs",
          "Systems",
          "Health",
          "Logistics",
          "Partners",
          "Retail",
          "Bank",
          "Media",
          "Foods",
          "Works");

  /** Customer success managers; owners change over time. */
  public static final List<String> CSM_OWNERS =
      List.of(
          "dana", "lee", "sam", "alex", "kim", "noor", "ravi", "maria", "tom", "yuki", "ola",
          "jules");

  public static final List<String> CONTACT_ROLES =
      List.of("admin", "executive_sponsor", "power_user", "billing", "end_user");

  public static final List<String> POSITIVE_COMMENTS =
      List.of(
          "Great product, the dashboards save us hours every week",
          "Love the new reports. Support was fast and helpful",
          "Excellent onboarding; our team is happy",
          "Really useful, easy to use, and the \"playbooks\" are brilliant",
          "Very good experience overall, thanks!\nKeep it up");

  public static final List<String> NEUTRAL_COMMENTS =
      List.of("It works, mostly", "Fine for now, we will see", "Okay, some features are missing");

  public static final List<String> NEGATIVE_COMMENTS =
      List.of(
          "Terrible experience, exports keep failing",
          "Too slow and buggy; we are frustrated",
          "Bad support, nobody answered for days",
          "Disappointed: the \"value\" is not there, we may cancel",
          "Confusing, broken integrations,\nand awful billing errors");

  public static final List<String> POSITIVE_SUBJECTS =
      List.of(
          "Quick question about dashboard sharing",
          "Thanks! How do I add a teammate?",
          "Great feature, can we enable it for all users");

  public static final List<String> NEGATIVE_SUBJECTS =
      List.of(
          "Export fails with an error",
          "Integration broken, sync stuck",
          "Urgent: cannot log in, very frustrated",
          "Billing problem: charged twice",
          "Reports are slow and wrong");

  public static final List<String> CHANNELS = List.of("email", "chat", "web", "phone");

  private Vocabulary() {}
}
