package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HiddenFieldsTest {

  @Test
  void cloud_lockedOrUnscreenable_areHidden_unflaggedOrFalseAreNot() {
    JsonArray listed =
        new JsonArray()
            .add(cloudField("customfield_10020", true, false))
            .add(cloudField("customfield_10017", false, true))
            .add(cloudField("customfield_10050", false, false))
            .add(new JsonObject().put("id", "summary"));

    HiddenFields hidden = HiddenFields.from(listed, CloudDialect.INSTANCE);

    assertEquals(Set.of("customfield_10020", "customfield_10017"), hidden.ids());
  }

  @Test
  void dataCenter_lockedByEitherIdForm_isHidden_andNoScreenFlagIsRead() {
    JsonArray listed =
        new JsonArray()
            .add(new JsonObject().put("id", "customfield_10020").put("isLocked", true))
            .add(new JsonObject().put("id", "10019").put("numericId", 10019).put("isLocked", true))
            .add(new JsonObject().put("id", "10001").put("isLocked", true))
            .add(new JsonObject().put("id", "customfield_10017").put("isUnscreenable", true))
            .add(new JsonObject().put("id", "customfield_10050").put("isLocked", false));

    HiddenFields hidden = HiddenFields.from(listed, DataCenterDialect.INSTANCE);

    assertEquals(
        Set.of("customfield_10020", "customfield_10019", "customfield_10001"), hidden.ids());
  }

  @Test
  void visible_dropsHiddenFields_butKeepsARequiredOne_inScreenOrder() {
    HiddenFields hidden = new HiddenFields(Set.of("customfield_10020", "customfield_10011"));
    JsonArray screen =
        new JsonArray()
            .add(screenField("summary", true))
            .add(screenField("customfield_10020", false))
            .add(screenField("customfield_10011", true))
            .add(screenField("customfield_10050", false));

    JsonArray visible = hidden.visible(screen);

    assertEquals(
        List.of("summary", "customfield_10011", "customfield_10050"),
        visible.stream().map(f -> ((JsonObject) f).getString("fieldId")).toList());
  }

  @Test
  void visible_nothingHidden_returnsTheScreenAsItIs() {
    JsonArray screen = new JsonArray().add(screenField("summary", true)).add("not a field");

    assertEquals(screen, HiddenFields.NONE.visible(screen));
  }

  private static JsonObject cloudField(String id, boolean locked, boolean unscreenable) {
    return new JsonObject()
        .put("id", id)
        .put("name", id)
        .put("isLocked", locked)
        .put("isUnscreenable", unscreenable);
  }

  private static JsonObject screenField(String id, boolean required) {
    return new JsonObject().put("fieldId", id).put("key", id).put("required", required);
  }
}
