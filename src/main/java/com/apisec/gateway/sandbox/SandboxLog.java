package com.apisec.gateway.sandbox;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The calls the stand-ins received and the contract violations found, newest last, bounded. */
final class SandboxLog {
  static final int LIMIT = 1000;

  private final Deque<RecordedRequest> requests = new ArrayDeque<>();
  private final Deque<JsonObject> violations = new ArrayDeque<>();

  void record(RecordedRequest request) {
    add(requests, request);
  }

  void violation(RecordedRequest request, List<String> messages) {
    JsonObject entry =
        new JsonObject()
            .put("vendor", request.vendor())
            .put("method", request.method())
            .put("path", request.path())
            .put("violations", new JsonArray(List.copyOf(messages)));
    add(violations, entry);
  }

  /** The recorded calls, oldest first; every vendor's when {@code vendor} is null. */
  JsonArray requests(String vendor) {
    JsonArray out = new JsonArray();
    requests.stream()
        .filter(r -> vendor == null || r.vendor().equals(vendor))
        .forEach(r -> out.add(r.toJson()));
    return out;
  }

  /** The violations, oldest first; every vendor's when {@code vendor} is null. */
  JsonArray violations(String vendor) {
    JsonArray out = new JsonArray();
    violations.stream()
        .filter(v -> vendor == null || v.getString("vendor").equals(vendor))
        .forEach(v -> out.add(v.copy()));
    return out;
  }

  void clear() {
    requests.clear();
    violations.clear();
  }

  private static <T> void add(Deque<T> deque, T item) {
    deque.addLast(item);
    while (deque.size() > LIMIT) {
      deque.removeFirst();
    }
  }
}
