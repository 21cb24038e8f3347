package io.pulse.jobs.ingest;

import static io.pulse.jobs.ingest.SourceColumn.optional;
import static io.pulse.jobs.ingest.SourceColumn.required;

import io.pulse.common.error.UsageException;
import io.pulse.jobs.ingest.LandingSource.Format;
import java.util.List;

/** The eleven sources of the landing contract (docs/landing.md). */
public final class LandingSources {
  private LandingSources() {}

  public static final LandingSource USAGE_EVENTS =
      new LandingSource(
          "usage_events",
          Format.JSONL_GZ,
          "Product usage events (at-least-once delivery: event_id may repeat)",
          List.of(
              required("event_id", "Event key"),
              required("account_id", "Account the user belongs to"),
              required("user_id", "User who acted"),
              required("event_type", "What happened, e.g. report_exported"),
              optional("feature", "Product feature used"),
              required("occurred_at", "When it happened (ISO-8601 with offset)"),
              optional("properties", "Free-form event properties, as JSON text")));

  public static final LandingSource ACCOUNTS =
      new LandingSource(
          "accounts",
          Format.CSV,
          "CRM account snapshots",
          List.of(
              required("account_id", "Account key in the CRM"),
              optional("account_name", "Account display name"),
              optional("parent_account_id", "Parent account key; empty for top-level accounts"),
              required("segment", "smb, mid_market or enterprise"),
              optional("industry", "Industry as recorded in the CRM"),
              optional("region", "Sales region"),
              optional("country", "ISO country code"),
              optional("csm_owner", "Customer success manager who owns the account"),
              required("created_at", "When the account was created"),
              required("updated_at", "When the CRM last changed the record")));

  public static final LandingSource CONTACTS =
      new LandingSource(
          "contacts",
          Format.CSV,
          "CRM contacts of accounts",
          List.of(
              required("contact_id", "Contact key"),
              required("account_id", "Account of the contact"),
              optional("role", "Job role"),
              required("is_champion", "true when the contact champions the product"),
              required("is_active", "false once the contact has left"),
              required("updated_at", "When the CRM last changed the record")));

  public static final LandingSource ACTIVITIES =
      new LandingSource(
          "activities",
          Format.CSV,
          "Customer-success touchpoints",
          List.of(
              required("activity_id", "Activity key"),
              required("account_id", "Account touched"),
              optional("contact_id", "Contact met, if any"),
              required("activity_type", "meeting, qbr, call, email or training"),
              required("occurred_at", "When it took place")));

  public static final LandingSource SUCCESS_PLANS =
      new LandingSource(
          "success_plans",
          Format.CSV,
          "Success-plan goals agreed with accounts",
          List.of(
              required("goal_id", "Goal key"),
              required("account_id", "Account the goal belongs to"),
              required("value_event", "Event type that counts towards the goal"),
              required("target_count", "Value events to reach by the due date"),
              required("start_date", "First day of the goal"),
              required("due_date", "Last day of the goal"),
              optional("status", "Goal status in the CS tool")));

  public static final LandingSource SUBSCRIPTIONS =
      new LandingSource(
          "subscriptions",
          Format.CSV,
          "Subscription versions from billing, one row per version of the terms",
          List.of(
              required("subscription_id", "Subscription key"),
              required("account_id", "Paying account"),
              required("plan_id", "Plan subscribed to"),
              required("currency", "ISO currency of the prices"),
              required("billing_interval", "month, quarter or year"),
              required("quantity", "Seats or units"),
              required("unit_price", "Price per unit per interval"),
              optional("discount_pct", "Discount in percent, 0-100; empty means 0"),
              required("is_trial", "true for a trial version"),
              required("valid_from", "Start of the version's validity"),
              optional("valid_to", "End of validity (exclusive); empty while current"),
              required("updated_at", "When billing last changed the record")));

  public static final LandingSource INVOICES =
      new LandingSource(
          "invoices",
          Format.CSV,
          "Invoices from billing",
          List.of(
              required("invoice_id", "Invoice key"),
              required("account_id", "Billed account"),
              required("currency", "ISO currency of the amounts"),
              required("issued_at", "When the invoice was issued"),
              optional("due_at", "When payment is due"),
              required("status", "paid, open, void or uncollectible"),
              optional("subtotal", "Amount before tax"),
              optional("tax", "Tax amount"),
              required("total", "Amount due"),
              optional("paid_at", "When it was paid")));

  public static final LandingSource PLANS =
      new LandingSource(
          "plans",
          Format.CSV,
          "Price plans",
          List.of(
              required("plan_id", "Plan key"),
              optional("plan_name", "Display name"),
              optional("product", "Product the plan belongs to"),
              optional("tier", "Tier within the product"),
              required("billing_interval", "month, quarter or year"),
              optional("list_price", "List price per unit per interval"),
              optional("currency", "ISO currency of the list price"),
              required("is_per_seat", "true when priced per seat")));

  public static final LandingSource FX_RATES =
      new LandingSource(
          "fx_rates",
          Format.CSV,
          "Daily exchange rates to USD",
          List.of(
              required("rate_date", "Date of the rate"),
              required("currency", "ISO currency"),
              required("rate_to_usd", "USD per unit of the currency")));

  public static final LandingSource SURVEYS =
      new LandingSource(
          "surveys",
          Format.CSV,
          "Survey responses (NPS, CSAT, CES)",
          List.of(
              required("response_id", "Response key"),
              required("account_id", "Account of the respondent"),
              optional("contact_id", "Respondent, when known"),
              required("survey_type", "nps, csat or ces"),
              optional("score", "Score; empty when unrated"),
              optional("comment", "Free-text comment"),
              required("responded_at", "When the response was given"),
              optional("ticket_id", "Ticket a CSAT response rates")));

  public static final LandingSource TICKETS =
      new LandingSource(
          "tickets",
          Format.CSV,
          "Support ticket versions, one row per change",
          List.of(
              required("ticket_id", "Ticket key"),
              required("account_id", "Account that raised it"),
              optional("requester_id", "Contact who raised it"),
              required("priority", "low, normal, high or urgent"),
              required("status", "new, open, pending, on_hold, solved or closed"),
              optional("channel", "Channel it came in by"),
              optional("subject", "Subject line"),
              required("created_at", "When it was opened"),
              optional("first_response_at", "First agent reply"),
              optional("solved_at", "When it was solved"),
              optional("reopened_count", "Times it was reopened"),
              required("updated_at", "When the ticket last changed")));

  /** Every source, in the order bronze loads them. */
  public static final List<LandingSource> ALL =
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

  public static LandingSource byName(String name) {
    return ALL.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown landing source '"
                        + name
                        + "'; known: "
                        + ALL.stream().map(LandingSource::name).toList()));
  }
}
