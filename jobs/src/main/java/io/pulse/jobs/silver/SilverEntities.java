package io.pulse.jobs.silver;

import static io.pulse.jobs.silver.Field.Kind.BOOLEAN;
import static io.pulse.jobs.silver.Field.Kind.DATE;
import static io.pulse.jobs.silver.Field.Kind.DECIMAL;
import static io.pulse.jobs.silver.Field.Kind.INTEGER;
import static io.pulse.jobs.silver.Field.Kind.RATE;
import static io.pulse.jobs.silver.Field.Kind.STRING;
import static io.pulse.jobs.silver.Field.Kind.TIMESTAMP;
import static io.pulse.jobs.silver.Field.optional;
import static io.pulse.jobs.silver.Field.required;
import static io.pulse.jobs.silver.Field.requiredEnum;
import static io.pulse.jobs.silver.SilverEntity.typed;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.when;

import io.pulse.jobs.ingest.LandingSources;
import java.util.List;
import org.apache.spark.sql.Column;

/** The silver entities, one per landing source, in the order the silver job writes them. */
public final class SilverEntities {
  private SilverEntities() {}

  private static final List<String> INTERVALS = List.of("month", "quarter", "year");

  private static Rule nonNegative(String name) {
    return Rule.of(
        QuarantineReason.OUT_OF_RANGE,
        typed(name).lt(0),
        Rule.detail(name + " ", typed(name), " is negative"));
  }

  private static Rule knownCurrency(String name, SilverSettings settings) {
    Column value = typed(name);
    return Rule.of(
        QuarantineReason.UNKNOWN_CURRENCY,
        value.isNotNull().and(value.isin(settings.currencies().toArray()).unary_$bang()),
        Rule.detail(name + " '", value, "' is not a configured currency"));
  }

  public static final SilverEntity ACCOUNTS =
      new SilverEntity(
          LandingSources.ACCOUNTS,
          "CRM account versions (rule L3: every delivered version, keyed by account_id and updated_at)",
          List.of(
              required("account_id", STRING, "Account key in the CRM"),
              optional("account_name", STRING, "Account display name"),
              optional(
                  "parent_account_id", STRING, "Parent account key; null for top-level accounts"),
              requiredEnum(
                  "segment", List.of("smb", "mid_market", "enterprise"), "Customer segment"),
              optional("industry", STRING, "Industry"),
              optional("region", STRING, "Sales region"),
              optional("country", STRING, "ISO country code"),
              optional("csm_owner", STRING, "Customer success manager who owns the account"),
              required("created_at", TIMESTAMP, "When the account was created (UTC)"),
              required(
                  "updated_at", TIMESTAMP, "When the CRM changed the record (UTC): the version")),
          List.of("account_id"),
          "updated_at",
          true,
          false,
          List.of("created_at", "updated_at"),
          settings -> List.of());

  public static final SilverEntity PLANS =
      new SilverEntity(
          LandingSources.PLANS,
          "Price plans",
          List.of(
              required("plan_id", STRING, "Plan key"),
              optional("plan_name", STRING, "Display name"),
              optional("product", STRING, "Product"),
              optional("tier", STRING, "Tier within the product"),
              requiredEnum("billing_interval", INTERVALS, "month, quarter or year"),
              optional("list_price", DECIMAL, "List price per unit per interval"),
              optional("currency", STRING, "ISO currency of the list price"),
              required("is_per_seat", BOOLEAN, "Priced per seat")),
          List.of("plan_id"),
          null,
          true,
          false,
          List.of(),
          settings -> List.of(nonNegative("list_price"), knownCurrency("currency", settings)));

  public static final SilverEntity FX_RATES =
      new SilverEntity(
          LandingSources.FX_RATES,
          "Daily exchange rates to USD",
          List.of(
              required("rate_date", DATE, "Date of the rate"),
              required("currency", STRING, "ISO currency"),
              required("rate_to_usd", RATE, "USD per unit of the currency")),
          List.of("rate_date", "currency"),
          null,
          true,
          false,
          List.of(),
          settings ->
              List.of(
                  Rule.of(
                      QuarantineReason.OUT_OF_RANGE,
                      typed("rate_to_usd").leq(0),
                      Rule.detail("rate_to_usd ", typed("rate_to_usd"), " is not above 0")),
                  knownCurrency("currency", settings)));

  public static final SilverEntity SUBSCRIPTIONS =
      new SilverEntity(
          LandingSources.SUBSCRIPTIONS,
          "Subscription versions (rule R3: keyed by subscription_id and valid_from; updated_at versions a row)",
          List.of(
              required("subscription_id", STRING, "Subscription key"),
              required("account_id", STRING, "Paying account"),
              required("plan_id", STRING, "Plan subscribed to"),
              required("currency", STRING, "ISO currency of the prices"),
              requiredEnum("billing_interval", INTERVALS, "month, quarter or year"),
              required("quantity", INTEGER, "Seats or units"),
              required("unit_price", DECIMAL, "Price per unit per interval"),
              optional("discount_pct", DECIMAL, "Discount in percent, 0-100 (null: none, rule L6)"),
              required("is_trial", BOOLEAN, "A trial version (MRR 0)"),
              required("valid_from", TIMESTAMP, "Start of validity (UTC, inclusive)"),
              optional(
                  "valid_to", TIMESTAMP, "End of validity (UTC, exclusive); null while current"),
              required("updated_at", TIMESTAMP, "When billing changed the record (UTC)")),
          List.of("subscription_id", "valid_from"),
          "updated_at",
          true,
          true,
          List.of("updated_at"),
          settings ->
              List.of(
                  nonNegative("quantity"),
                  nonNegative("unit_price"),
                  Rule.of(
                      QuarantineReason.OUT_OF_RANGE,
                      typed("discount_pct").lt(0).or(typed("discount_pct").gt(100)),
                      Rule.detail("discount_pct ", typed("discount_pct"), " is outside 0-100")),
                  Rule.of(
                      QuarantineReason.INVALID_PERIOD,
                      typed("valid_to").leq(typed("valid_from")),
                      Rule.detail("valid_to ", typed("valid_to"), " is not after valid_from")),
                  knownCurrency("currency", settings)));

  public static final SilverEntity USAGE_EVENTS =
      new SilverEntity(
          LandingSources.USAGE_EVENTS,
          "Product usage events, deduplicated by event_id (rule L4: the first delivery wins)",
          List.of(
              required("event_id", STRING, "Event key"),
              required("account_id", STRING, "Account of the user"),
              required("user_id", STRING, "User who acted"),
              required("event_type", STRING, "What happened"),
              optional("feature", STRING, "Product feature used"),
              required("occurred_at", TIMESTAMP, "When it happened (UTC)"),
              optional("properties", STRING, "Event properties as JSON text")),
          List.of("event_id"),
          null,
          false,
          true,
          List.of("occurred_at"),
          settings -> List.of(nonNegativeDuration()),
          "occurred_at");

  /** {@code properties.duration_ms}, when an event carries one, is a time span: not negative. */
  private static Rule nonNegativeDuration() {
    Column duration = get_json_object(typed("properties"), "$.duration_ms").try_cast("double");
    return Rule.of(
        QuarantineReason.OUT_OF_RANGE,
        duration.lt(0),
        Rule.detail("properties.duration_ms ", duration, " is negative"));
  }

  public static final SilverEntity CONTACTS =
      new SilverEntity(
          LandingSources.CONTACTS,
          "CRM contact versions, keyed by contact_id and updated_at",
          List.of(
              required("contact_id", STRING, "Contact key"),
              required("account_id", STRING, "Account of the contact"),
              optional("role", STRING, "Job role"),
              required("is_champion", BOOLEAN, "Champions the product"),
              required("is_active", BOOLEAN, "Still with the account"),
              required(
                  "updated_at", TIMESTAMP, "When the CRM changed the record (UTC): the version")),
          List.of("contact_id"),
          "updated_at",
          true,
          true,
          List.of("updated_at"),
          settings -> List.of());

  public static final SilverEntity ACTIVITIES =
      new SilverEntity(
          LandingSources.ACTIVITIES,
          "Customer-success touchpoints",
          List.of(
              required("activity_id", STRING, "Activity key"),
              required("account_id", STRING, "Account touched"),
              optional("contact_id", STRING, "Contact met, if any"),
              requiredEnum(
                  "activity_type",
                  List.of("meeting", "qbr", "call", "email", "training"),
                  "Kind of touchpoint"),
              required("occurred_at", TIMESTAMP, "When it took place (UTC)")),
          List.of("activity_id"),
          null,
          true,
          true,
          List.of("occurred_at"),
          settings -> List.of());

  public static final SilverEntity SUCCESS_PLANS =
      new SilverEntity(
          LandingSources.SUCCESS_PLANS,
          "Success-plan goals",
          List.of(
              required("goal_id", STRING, "Goal key"),
              required("account_id", STRING, "Account of the goal"),
              required("value_event", STRING, "Event type that counts towards the goal"),
              required("target_count", INTEGER, "Value events to reach by the due date"),
              required("start_date", DATE, "First day of the goal"),
              required("due_date", DATE, "Last day of the goal"),
              optional("status", STRING, "Status in the CS tool")),
          List.of("goal_id"),
          null,
          true,
          true,
          List.of(),
          settings ->
              List.of(
                  nonNegative("target_count"),
                  Rule.of(
                      QuarantineReason.INVALID_PERIOD,
                      typed("due_date").lt(typed("start_date")),
                      Rule.detail("due_date ", typed("due_date"), " is before start_date"))));

  public static final SilverEntity INVOICES =
      new SilverEntity(
          LandingSources.INVOICES,
          "Invoices",
          List.of(
              required("invoice_id", STRING, "Invoice key"),
              required("account_id", STRING, "Billed account"),
              required("currency", STRING, "ISO currency of the amounts"),
              required("issued_at", TIMESTAMP, "When it was issued (UTC)"),
              optional("due_at", TIMESTAMP, "When payment is due (UTC)"),
              requiredEnum(
                  "status", List.of("paid", "open", "void", "uncollectible"), "Payment status"),
              optional("subtotal", DECIMAL, "Amount before tax"),
              optional("tax", DECIMAL, "Tax"),
              required("total", DECIMAL, "Amount due"),
              optional("paid_at", TIMESTAMP, "When it was paid (UTC)")),
          List.of("invoice_id"),
          null,
          true,
          true,
          List.of(),
          settings ->
              List.of(
                  nonNegative("subtotal"),
                  nonNegative("tax"),
                  nonNegative("total"),
                  knownCurrency("currency", settings)));

  public static final SilverEntity SURVEYS =
      new SilverEntity(
          LandingSources.SURVEYS,
          "Survey responses: NPS 0-10, CSAT 1-5, CES 1-7 (rule E2: an empty score is unrated)",
          List.of(
              required("response_id", STRING, "Response key"),
              required("account_id", STRING, "Account of the respondent"),
              optional("contact_id", STRING, "Respondent, when known"),
              requiredEnum("survey_type", List.of("nps", "csat", "ces"), "Survey kind"),
              optional("score", INTEGER, "Score on the survey's scale; null when unrated"),
              optional("comment", STRING, "Free-text comment"),
              required("responded_at", TIMESTAMP, "When the response was given (UTC)"),
              optional("ticket_id", STRING, "Ticket a CSAT response rates")),
          List.of("response_id"),
          null,
          true,
          true,
          List.of("responded_at"),
          settings -> List.of(scoreOnScale()));

  public static final SilverEntity TICKETS =
      new SilverEntity(
          LandingSources.TICKETS,
          "Support ticket versions, keyed by ticket_id and updated_at",
          List.of(
              required("ticket_id", STRING, "Ticket key"),
              required("account_id", STRING, "Account that raised it"),
              optional("requester_id", STRING, "Contact who raised it"),
              requiredEnum(
                  "priority", List.of("low", "normal", "high", "urgent"), "Priority (rule S6)"),
              requiredEnum(
                  "status",
                  List.of("new", "open", "pending", "on_hold", "solved", "closed"),
                  "Status (rule S6)"),
              optional("channel", STRING, "Channel it came in by"),
              optional("subject", STRING, "Subject line"),
              required("created_at", TIMESTAMP, "When it was opened (UTC)"),
              optional("first_response_at", TIMESTAMP, "First agent reply (UTC)"),
              optional("solved_at", TIMESTAMP, "When it was solved (UTC)"),
              optional("reopened_count", INTEGER, "Times it was reopened"),
              required("updated_at", TIMESTAMP, "When the ticket changed (UTC): the version")),
          List.of("ticket_id"),
          "updated_at",
          true,
          true,
          List.of("created_at", "updated_at"),
          settings ->
              List.of(
                  nonNegative("reopened_count"),
                  notBeforeCreated("first_response_at"),
                  notBeforeCreated("solved_at")));

  /** A ticket is answered or solved after it was opened. */
  private static Rule notBeforeCreated(String name) {
    return Rule.of(
        QuarantineReason.INVALID_PERIOD,
        typed(name).lt(typed("created_at")),
        Rule.detail(name + " ", typed(name), " is before created_at"));
  }

  /** A score outside its survey's scale: NPS 0-10, CSAT 1-5, CES 1-7. */
  private static Rule scoreOnScale() {
    Column type = typed("survey_type");
    Column score = typed("score");
    Column low = when(type.equalTo("nps"), 0).otherwise(1);
    Column high = when(type.equalTo("nps"), 10).when(type.equalTo("csat"), 5).otherwise(7);
    return Rule.of(
        QuarantineReason.OUT_OF_RANGE,
        score.lt(low).or(score.gt(high)),
        Rule.detail("score ", score, " is outside the survey's scale"));
  }

  public static final List<SilverEntity> ALL =
      List.of(
          ACCOUNTS,
          CONTACTS,
          PLANS,
          FX_RATES,
          SUBSCRIPTIONS,
          INVOICES,
          USAGE_EVENTS,
          ACTIVITIES,
          SUCCESS_PLANS,
          SURVEYS,
          TICKETS);
}
