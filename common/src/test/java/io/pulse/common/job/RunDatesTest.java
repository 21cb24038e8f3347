package io.pulse.common.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.error.UsageException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunDatesTest {
  private static final LocalDate FEB_27 = LocalDate.parse("2024-02-27");
  private static final LocalDate MAR_01 = LocalDate.parse("2024-03-01");

  @Test
  void aBackfillListsEveryDayInclusiveAcrossALeapDay() {
    RunDates range = new RunDates(FEB_27, MAR_01);

    assertEquals(List.of(FEB_27, FEB_27.plusDays(1), FEB_27.plusDays(2), MAR_01), range.days());
    assertFalse(range.isOneDay());
    assertEquals("2024-02-27..2024-03-01", range.toString());
  }

  @Test
  void oneRunDateIsOneDay() {
    RunDates day = RunDates.of(MAR_01);

    assertEquals(List.of(MAR_01), day.days());
    assertTrue(day.isOneDay());
    assertEquals("2024-03-01", day.toString());
  }

  @Test
  void anEndBeforeTheStartIsAUsageError() {
    UsageException error = assertThrows(UsageException.class, () -> new RunDates(MAR_01, FEB_27));

    assertEquals("--end 2024-02-27 is before --start 2024-03-01", error.getMessage());
  }
}
