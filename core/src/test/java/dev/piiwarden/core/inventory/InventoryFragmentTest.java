package dev.piiwarden.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InventoryFragmentTest {
  @Test
  void aTopLevelClassIsItsOwnTopLevel() {
    assertEquals("com.acme.User", InventoryFragment.topLevelOf("com.acme.User"));
    assertEquals("User", InventoryFragment.topLevelOf("User"));
  }

  @Test
  void aNestedClassBelongsToItsOutermostClass() {
    assertEquals("com.acme.Outer", InventoryFragment.topLevelOf("com.acme.Outer$Inner"));
    assertEquals("com.acme.Outer", InventoryFragment.topLevelOf("com.acme.Outer$Inner$Deeper"));
  }

  @Test
  void anIdBelongsToTheClassBeforeItsHash() {
    assertEquals("com.acme.User", InventoryFragment.topLevelOf("com.acme.User#email"));
    assertEquals("com.acme.Outer",
        InventoryFragment.topLevelOf("com.acme.Outer$Inner#send(com.acme.Other$Message)"));
    assertEquals("com.acme.Response", InventoryFragment.topLevelOf("com.acme.Response#body"));
  }

  @Test
  void aDollarInAPackageNameIsKept() {
    assertEquals("com.ac$me.User", InventoryFragment.topLevelOf("com.ac$me.User$Address#street"));
  }
}
