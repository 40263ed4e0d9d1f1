package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JiraCloudContractCheckTest {
  private static SandboxFixture sandbox;
  private static JiraCalls jira;

  @BeforeAll
  static void startSandbox(Vertx vertx) {
    sandbox = SandboxFixture.withContracts(vertx);
    jira = new JiraCalls(sandbox);
  }

  @AfterEach
  void resetSandbox() {
    sandbox.reset();
  }

  @Test
  void createIssue_validBody_passesTheContract() {
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "Valid");
    body.put("properties", new JsonArray().add(JiraCalls.property("m", new JsonObject())));

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(201, response.statusCode(), response.bodyAsString());
    sandbox.assertNoViolations();
  }

  @Test
  void createIssue_richDescription_passesStandInAndAdfSchema() {
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "Rich");
    body.getJsonObject("fields").put("description", richDocument());

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(201, response.statusCode(), response.bodyAsString());
    sandbox.assertNoViolations();
  }

  @Test
  void createIssue_fieldsAsString_isAViolationAnswered400() {
    JsonObject body = new JsonObject().put("fields", "summary=oops");

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    String message = response.bodyAsJsonObject().getJsonArray("errorMessages").getString(0);
    assertTrue(message.startsWith("contract: "), message);
    JsonArray violations = sandbox.violations();
    assertEquals(1, violations.size());
    assertEquals("/rest/api/3/issue", violations.getJsonObject(0).getString("path"));
    assertTrue(violations.encode().contains("/fields"), violations.encode());
  }

  @Test
  void createIssue_plainTextDescription_isFlaggedByTheAdfSchema() {
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "Not ADF");
    body.getJsonObject("fields").put("description", "plain text");

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    String violations = sandbox.violations().encode();
    assertTrue(violations.contains("ADF fields.description"), violations);
  }

  @Test
  void bulkCreate_oneDescriptionNotAdf_namesTheElement() {
    JsonObject bad = JiraCalls.issue("SCRUM", "10001", "bad");
    bad.getJsonObject("fields").put("description", new JsonObject().put("type", "doc"));
    JsonArray updates = new JsonArray().add(JiraCalls.issue("SCRUM", "10001", "ok")).add(bad);

    jira.call(HttpMethod.POST, "/rest/api/3/issue/bulk")
        .sendJsonObject(new JsonObject().put("issueUpdates", updates))
        .await();

    String violations = sandbox.violations().encode();
    assertTrue(violations.contains("issueUpdates[1].fields.description"), violations);
  }

  @Test
  void attach_fileInPartNotNamedFile_isAViolation() {
    String key = jira.createdKey(JiraCalls.issue("SCRUM", "10001", "x"));

    jira.attach(key, JiraCalls.textFile("upload", "GET / HTTP/1.1"));

    String violations = sandbox.violations().encode();
    assertTrue(violations.contains("part named 'file'"), violations);
  }

  @Test
  void fieldSearch_orderByOutsideTheContractsList_isAViolation() {
    int status = get("/rest/api/3/field/search?startAt=0&orderBy=flags");

    assertEquals(400, status);
    String violations = sandbox.violations().encode();
    assertTrue(violations.contains("/rest/api/3/field/search"), violations);
    assertTrue(violations.contains("parameter.schema.enum"), violations);
  }

  @Test
  void readsAndUploadTheGatewayMakes_passTheContract() {
    String key = jira.createdKey(JiraCalls.issue("API", "10002", "x"));

    int[] statuses = {
      get("/rest/api/3/myself"),
      get("/rest/api/3/issue/createmeta/API/issuetypes?startAt=0&maxResults=50"),
      get("/rest/api/3/issue/createmeta?projectKeys=SCRUM,API&expand=projects.issuetypes"),
      get("/rest/api/3/priority"),
      get("/rest/api/3/field/search?startAt=0&maxResults=50&expand=isLocked,isUnscreenable"),
      get("/rest/api/3/project/API/statuses"),
      get("/rest/api/3/issue/" + key + "?fields=summary"),
      get("/rest/api/3/search/jql?jql=project%20%3D%20API&properties=m"),
      jira.search(new JsonObject().put("jql", "project = API").put("maxResults", 10)).statusCode(),
      jira.attach(key, JiraCalls.textFile("file", "GET / HTTP/1.1")).statusCode()
    };

    sandbox.assertNoViolations();
    for (int status : statuses) {
      assertEquals(200, status);
    }
  }

  /** A heading, a paragraph with a link, a list, a code block, a rule. */
  private static JsonObject richDocument() {
    JsonObject link =
        new JsonObject()
            .put("type", "link")
            .put("attrs", new JsonObject().put("href", "https://app.example/issues/7"));
    JsonArray content =
        new JsonArray()
            .add(
                block("heading", text("Broken object level authorization"))
                    .put("attrs", new JsonObject().put("level", 3)))
            .add(block("paragraph", text("details").put("marks", new JsonArray().add(link))))
            .add(block("bulletList", block("listItem", block("paragraph", text("GET /users/7")))))
            .add(block("codeBlock", text("HTTP/1.1 200 OK")))
            .add(new JsonObject().put("type", "rule"));
    return new JsonObject().put("type", "doc").put("version", 1).put("content", content);
  }

  private static JsonObject block(String type, JsonObject child) {
    return new JsonObject().put("type", type).put("content", new JsonArray().add(child));
  }

  private static JsonObject text(String text) {
    return new JsonObject().put("type", "text").put("text", text);
  }

  private static int get(String pathAndQuery) {
    return jira.call(HttpMethod.GET, pathAndQuery).send().await().statusCode();
  }
}
