package com.apisec.gateway.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The test-template text of the demo findings (what {@code yaml_templates.info} holds). */
final class DemoTemplates {
  private DemoTemplates() {}

  static JsonObject info(String testSubCategory) {
    return switch (testSubCategory) {
      case "REPLACE_AUTH_TOKEN" ->
          info(
              "BOLA by replacing the auth token",
              "Another user's token still returns this user's record.",
              "An attacker can read any user's data by changing the object id.",
              "Check that the caller owns the object on every request.",
              "CWE-639");
      case "JWT_NONE_ALGO" ->
          info(
              "JWT accepted with alg none",
              "The endpoint accepted a token whose signature algorithm is none.",
              "Anyone can forge tokens and act as any user.",
              "Reject tokens whose alg is none and pin the expected algorithm.",
              "CWE-347");
      default ->
          info(
              "NoSQL injection in a query parameter",
              "An operator in a query parameter changed the result of the query.",
              "Attackers can read or change data they should not reach.",
              "Validate input types and never pass user objects into queries.",
              "CWE-943");
    };
  }

  private static JsonObject info(
      String name, String description, String impact, String remediation, String cwe) {
    return new JsonObject()
        .put("name", name)
        .put("description", description)
        .put("impact", impact)
        .put("remediation", remediation)
        .put("tags", new JsonArray().add("OWASP API Top 10").add("demo"))
        .put("cwe", new JsonArray().add(cwe))
        .put("cve", new JsonArray())
        .put("references", new JsonArray().add("https://owasp.org/API-Security/"))
        .put(
            "compliance",
            new JsonObject()
                .put(
                    "mapComplianceToListClauses",
                    new JsonObject().put("OWASP", new JsonArray().add("API1:2023"))));
  }
}
