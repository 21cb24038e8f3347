package io.pulse.generator.output;

import java.util.List;

/**
 * The landing sources of DESIGN.md's contract, with their columns in order and the roles some
 * columns play (key, account reference, timestamps, amounts …) so bad rows can be made for each.
 */
public enum Source {
  USAGE_EVENTS(
      "usage_events",
      "jsonl.gz",
      List.of(
          "event_id",
          "account_id",
          "user_id",
          "event_type",
          "feature",
          "occurred_at",
          "client",
          "duration_ms"),
      with()
          .key("event_id")
          .account("account_id")
          .time("occurred_at")
          .future("occurred_at")
          .number("duration_ms")
          .amount("duration_ms")
          .text("event_type")),
  ACCOUNTS(
      "accounts",
      "csv",
      List.of(
          "account_id",
          "account_name",
          "parent_account_id",
          "segment",
          "industry",
          "region",
          "country",
          "csm_owner",
          "created_at",
          "updated_at"),
      with()
          .key("account_id", "updated_at")
          .time("updated_at")
          .future("created_at")
          .number("created_at")
          .text("account_name")),
  CONTACTS(
      "contacts",
      "csv",
      List.of("contact_id", "account_id", "role", "is_champion", "is_active", "updated_at"),
      with()
          .key("contact_id", "updated_at")
          .account("account_id")
          .time("updated_at")
          .future("updated_at")
          .number("is_champion")
          .text("role")),
  ACTIVITIES(
      "activities",
      "csv",
      List.of("activity_id", "account_id", "contact_id", "activity_type", "occurred_at"),
      with()
          .key("activity_id")
          .account("account_id")
          .time("occurred_at")
          .future("occurred_at")
          .number("occurred_at")
          .text("activity_type")),
  SUCCESS_PLANS(
      "success_plans",
      "csv",
      List.of(
          "goal_id",
          "account_id",
          "value_event",
          "target_count",
          "start_date",
          "due_date",
          "status"),
      with()
          .key("goal_id")
          .account("account_id")
          .number("target_count")
          .amount("target_count")
          .validity("start_date", "due_date")
          .text("status")),
  SUBSCRIPTIONS(
      "subscriptions",
      "csv",
      List.of(
          "subscription_id",
          "account_id",
          "plan_id",
          "currency",
          "billing_interval",
          "quantity",
          "unit_price",
          "discount_pct",
          "is_trial",
          "valid_from",
          "valid_to",
          "updated_at"),
      with()
          .key("subscription_id", "valid_from", "updated_at")
          .account("account_id")
          .time("valid_from")
          .future("updated_at")
          .number("quantity")
          .amount("quantity")
          .currency("currency")
          .validity("valid_from", "valid_to")
          .text("plan_id")),
  INVOICES(
      "invoices",
      "csv",
      List.of(
          "invoice_id",
          "account_id",
          "currency",
          "issued_at",
          "due_at",
          "status",
          "subtotal",
          "tax",
          "total",
          "paid_at"),
      with()
          .key("invoice_id")
          .account("account_id")
          .time("issued_at")
          .number("total")
          .amount("total")
          .currency("currency")
          .validity("issued_at", "due_at")
          .text("status")),
  PLANS(
      "plans",
      "csv",
      List.of(
          "plan_id",
          "plan_name",
          "product",
          "tier",
          "billing_interval",
          "list_price",
          "currency",
          "is_per_seat"),
      with()
          .key("plan_id")
          .number("list_price")
          .amount("list_price")
          .currency("currency")
          .text("plan_name")),
  FX_RATES(
      "fx_rates",
      "csv",
      List.of("rate_date", "currency", "rate_to_usd"),
      with()
          .key("rate_date", "currency")
          .number("rate_to_usd")
          .amount("rate_to_usd")
          .currency("currency")
          .text("rate_to_usd")),
  SURVEYS(
      "surveys",
      "csv",
      List.of(
          "response_id",
          "account_id",
          "contact_id",
          "survey_type",
          "score",
          "comment",
          "responded_at",
          "ticket_id"),
      with()
          .key("response_id")
          .account("account_id")
          .time("responded_at")
          .future("responded_at")
          .number("score")
          .score("score")
          .text("comment")),
  TICKETS(
      "tickets",
      "csv",
      List.of(
          "ticket_id",
          "account_id",
          "requester_id",
          "priority",
          "status",
          "channel",
          "subject",
          "created_at",
          "first_response_at",
          "solved_at",
          "reopened_count",
          "updated_at"),
      with()
          .key("ticket_id", "updated_at")
          .account("account_id")
          .time("updated_at")
          .future("updated_at")
          .number("reopened_count")
          .amount("reopened_count")
          .validity("created_at", "solved_at")
          .text("subject"));

  private final String dirName;
  private final String extension;
  private final List<String> columns;
  private final Roles roles;

  Source(String dirName, String extension, List<String> columns, Roles roles) {
    this.dirName = dirName;
    this.extension = extension;
    this.columns = columns;
    this.roles = roles;
  }

  /** The folder under the landing root. */
  public String dirName() {
    return dirName;
  }

  public String extension() {
    return extension;
  }

  public boolean isJson() {
    return extension.startsWith("jsonl");
  }

  public List<String> columns() {
    return columns;
  }

  public Roles roles() {
    return roles;
  }

  /** Index of {@code column}, or -1. */
  public int indexOf(String column) {
    return column == null ? -1 : columns.indexOf(column);
  }

  /** The row's key as {@code value|value}, for the bad-row truth. */
  public String key(String[] values) {
    StringBuilder key = new StringBuilder();
    for (String column : roles.key()) {
      if (key.length() > 0) {
        key.append('|');
      }
      key.append(values[indexOf(column)]);
    }
    return key.toString();
  }

  private static Roles with() {
    return new Roles();
  }

  /** Which column plays which part; null where a source has no such column. */
  public static final class Roles {
    private List<String> key = List.of();
    private String account;
    private String time;
    private String future;
    private String number;
    private String amount;
    private String currency;
    private String score;
    private String validFrom;
    private String validTo;
    private String text;

    Roles key(String... columns) {
      key = List.of(columns);
      return this;
    }

    Roles account(String column) {
      account = column;
      return this;
    }

    /** A timestamp that must carry an offset. */
    Roles time(String column) {
      time = column;
      return this;
    }

    /** A timestamp the future rule (METRICS.md L6) applies to. */
    Roles future(String column) {
      future = column;
      return this;
    }

    /** A column that must parse as a number (or, for timestamps, a date). */
    Roles number(String column) {
      number = column;
      return this;
    }

    /** A quantity or amount that must not be negative. */
    Roles amount(String column) {
      amount = column;
      return this;
    }

    Roles currency(String column) {
      currency = column;
      return this;
    }

    Roles score(String column) {
      score = column;
      return this;
    }

    /** A pair where the second must not be before the first. */
    Roles validity(String from, String to) {
      validFrom = from;
      validTo = to;
      return this;
    }

    /** A free-text column, changed for conflicting duplicates and invalid UTF-8. */
    Roles text(String column) {
      text = column;
      return this;
    }

    public List<String> key() {
      return key;
    }

    public String account() {
      return account;
    }

    public String time() {
      return time;
    }

    public String future() {
      return future;
    }

    public String number() {
      return number;
    }

    public String amount() {
      return amount;
    }

    public String currency() {
      return currency;
    }

    public String score() {
      return score;
    }

    public String validFrom() {
      return validFrom;
    }

    public String validTo() {
      return validTo;
    }

    public String text() {
      return text;
    }
  }
}
