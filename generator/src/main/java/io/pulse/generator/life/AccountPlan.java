package io.pulse.generator.life;

import io.pulse.generator.catalog.Country;
import java.util.List;
import java.util.Set;

/**
 * Everything decided up front about one account's life (a few hundred bytes): who it is, its
 * planted quadrant and churn drivers, its subscription versions, CRM versions, contacts, users and
 * goals. The daily generators derive each day's rows from it. Days are epoch days, instants epoch
 * seconds (UTC).
 */
public record AccountPlan(
    int index,
    String accountId,
    String name,
    String parentId,
    Country country,
    String industry,
    Quadrant quadrant,
    Set<Driver> drivers,
    long createdAt,
    boolean trial,
    Long firstPaidDay,
    Long churnDecisionDay,
    Long churnDay,
    Long reactivationDay,
    long troubleStartDay,
    int seats,
    List<SubscriptionVersion> versions,
    List<CrmVersion> crmVersions,
    List<Contact> contacts,
    List<ContactRecord> contactRecords,
    List<User> users,
    List<Goal> goals,
    List<String> adoptedFeatures,
    double activity,
    double growthPerYear) {

  public long signupDay() {
    return Math.floorDiv(createdAt, 86_400L);
  }

  public boolean has(Driver driver) {
    return drivers.contains(driver);
  }

  /** Whether some subscription version (trial included) is in force during {@code day}. */
  public boolean liveOn(long day) {
    long noon = day * 86_400L + 43_200L;
    for (SubscriptionVersion v : versions) {
      if (v.activeAt(noon)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a paid (non-trial) version is in force during {@code day}. */
  public boolean payingOn(long day) {
    long noon = day * 86_400L + 43_200L;
    for (SubscriptionVersion v : versions) {
      if (!v.trial() && v.activeAt(noon)) {
        return true;
      }
    }
    return false;
  }

  /** The CRM version in force at the end of {@code day}. */
  public CrmVersion crmOn(long day) {
    long endOfDay = (day + 1) * 86_400L;
    CrmVersion current = crmVersions.get(0);
    for (CrmVersion v : crmVersions) {
      if (v.updatedAt() < endOfDay) {
        current = v;
      }
    }
    return current;
  }
}
