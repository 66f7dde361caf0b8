package dev.piiwarden.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsentRecordTest {
  @Test
  void aRecordLoggedShowsNeitherItsSubjectNorItsSource() {
    ConsentRecord record = new ConsentRecord("cust-8812-alice-smith", "marketing", ConsentRecord.State.GRANTED,
        Instant.parse("2026-11-25T01:00:00Z"), "phone call with Alice Smith, DOB 1984-02-11", null);

    assertEquals("ConsentRecord[subject=(not shown), purpose=marketing, state=GRANTED,"
        + " time=2026-11-25T01:00:00Z, source=(not shown), expires=null]", record.toString());
    assertEquals("cust-8812-alice-smith", record.subject());
    assertEquals("phone call with Alice Smith, DOB 1984-02-11", record.source());
  }
}
