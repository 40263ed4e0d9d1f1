package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.outbound.OutboundResponse;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Jira's answer to a bulk create: the issues it made, in request order, and an error per element it
 * refused, each naming its element by {@code failedElementNumber}. {@link #match} places each issue
 * on its request element; it never guesses when the answer does not add up.
 */
record BulkAnswer(JsonArray issues, JsonArray errors, JiraCredentials credentials) {

  /** Why Jira refused one element, and whether it was the labels field. */
  record ElementError(String message, boolean labelsRefused) {}

  /**
   * Each element's fate: the key made for it, or its error. Keys Jira returned that could not be
   * placed (the answer did not add up) are in {@code unplaced}; their elements are in neither map.
   */
  record Matching(
      Map<Integer, String> created, Map<Integer, ElementError> failed, List<String> unplaced) {}

  static Future<BulkAnswer> read(OutboundResponse response, JiraCredentials credentials) {
    if (response.status() >= 500) {
      String reason = JiraErrors.describe(response, credentials);
      return Future.failedFuture(JiraErrors.UnknownOutcome.afterCreate(reason));
    }
    JsonObject body = response.jsonObject();
    boolean shaped =
        body != null
            && (body.getValue("issues") instanceof JsonArray
                || body.getValue("errors") instanceof JsonArray);
    if (shaped && (response.ok() || response.status() == 400)) {
      JsonArray issues = body.getValue("issues") instanceof JsonArray a ? a : new JsonArray();
      JsonArray errors = body.getValue("errors") instanceof JsonArray a ? a : new JsonArray();
      return Future.succeededFuture(new BulkAnswer(issues, errors, credentials));
    }
    if (response.ok()) {
      String reason = "Jira returned " + response.status() + " without the issues it made";
      return Future.failedFuture(JiraErrors.UnknownOutcome.afterCreate(reason));
    }
    return Future.failedFuture(GatewayException.vendor(JiraErrors.describe(response, credentials)));
  }

  /** Places the answer on a request of {@code size} elements. */
  Matching match(int size) {
    Map<Integer, ElementError> failed = failures(size);
    List<String> keys = keys();
    if (failed == null) {
      return new Matching(Map.of(), Map.of(), keys);
    }
    TreeSet<Integer> made = new TreeSet<>();
    for (int i = 0; i < size; i++) {
      if (!failed.containsKey(i)) {
        made.add(i);
      }
    }
    if (made.size() != keys.size()) {
      return new Matching(Map.of(), failed, keys);
    }
    Map<Integer, String> created = new LinkedHashMap<>();
    int next = 0;
    for (int element : made) {
      created.put(element, keys.get(next++));
    }
    return new Matching(created, failed, List.of());
  }

  /** The errors by element, or null when one names no element or an element twice. */
  private Map<Integer, ElementError> failures(int size) {
    Map<Integer, ElementError> out = new LinkedHashMap<>();
    for (Object item : errors) {
      if (!(item instanceof JsonObject error)
          || !(error.getValue("failedElementNumber") instanceof Number number)) {
        return null;
      }
      int element = number.intValue();
      if (element < 0 || element >= size || out.containsKey(element)) {
        return null;
      }
      JsonObject collection = error.getJsonObject("elementErrors");
      int status = error.getInteger("status", 400);
      String message = JiraErrors.describe(status, collection, credentials);
      out.put(element, new ElementError(message, JiraErrors.labelsRefused(collection)));
    }
    return out;
  }

  /**
   * The keys Jira made, in order. An entry whose key is not one is left out, so the answer no
   * longer adds up and its element ends up unknown, as for an entry without a key.
   */
  private List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (Object item : issues) {
      if (item instanceof JsonObject issue
          && issue.getValue("key") instanceof String key
          && JiraKeys.isIssue(key)) {
        keys.add(key);
      }
    }
    return keys;
  }
}
