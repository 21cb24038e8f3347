package io.pulse.generator.life;

/** A CRM contact at the account, active on {@code [joinedDay, leftDay)} (epoch days). */
public record Contact(String contactId, String role, long joinedDay, long leftDay) {
  public boolean activeOn(long day) {
    return joinedDay <= day && day < leftDay;
  }
}
