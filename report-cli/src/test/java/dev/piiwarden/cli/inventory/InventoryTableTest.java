package dev.piiwarden.cli.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.cli.FragmentFixtures;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Inventory;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTableTest {
  @Test
  void rendersElementsThenActivitiesInAlignedColumns() {
    Inventory inventory =
        FragmentFixtures.inventory(
            List.of(FragmentFixtures.USER_EMAIL, FragmentFixtures.PATIENT_DIAGNOSIS),
            List.of(FragmentFixtures.NEWSLETTER_SEND));

    assertEquals(
        """
        DATA ELEMENTS (2)
        ID                          CATEGORY                 PURPOSES           SUBJECT   BASIS     RETENTION  SPECIAL  SENSITIVE
        com.acme.Patient#diagnosis  user.health_and_medical  essential.service  patient   CONSENT   P10Y       yes      yes
        com.acme.User#email         user.contact.email       essential.service  customer  CONTRACT  P2Y        -        -

        ACTIVITIES (1)
        ID                                       NAME        PURPOSES                        CONSENT
        com.acme.Newsletter#send(com.acme.User)  Newsletter  marketing.communications.email  marketing.communications.email (THROW)
        """,
        InventoryTable.render(inventory));
  }

  @Test
  void anEmptyInventoryStillShowsBothHeaders() {
    assertEquals(
        """
        DATA ELEMENTS (0)
        ID  CATEGORY  PURPOSES  SUBJECT  BASIS  RETENTION  SPECIAL  SENSITIVE

        ACTIVITIES (0)
        ID  NAME  PURPOSES  CONSENT
        """,
        InventoryTable.render(Inventory.empty()));
  }

  /** An activity's name as the code gives it, line break and escape included, stays in its cell. */
  @Test
  void controlCharactersInANameStayInTheirCell() {
    Activity named = new Activity("com.acme.Job#run()", "com.acme.Job", "run()",
        "Nightly\nFORGED  -  -  -\u001b[31m", List.of(), null, null, List.of(), List.of(), List.of());

    String table = InventoryTable.render(FragmentFixtures.inventory(List.of(), List.of(named)));

    assertEquals(
        """
        DATA ELEMENTS (0)
        ID  CATEGORY  PURPOSES  SUBJECT  BASIS  RETENTION  SPECIAL  SENSITIVE

        ACTIVITIES (1)
        ID                  NAME                            PURPOSES  CONSENT
        com.acme.Job#run()  Nightly FORGED - - -\\u001B[31m  -         -
        """,
        table);
  }
}
