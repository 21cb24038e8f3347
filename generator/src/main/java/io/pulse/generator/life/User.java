package io.pulse.generator.life;

/** A product user of the account, with a seat on {@code [joinedDay, leftDay)} (epoch days). */
public record User(String userId, long joinedDay, long leftDay) {
  public boolean activeOn(long day) {
    return joinedDay <= day && day < leftDay;
  }
}
