package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JiraSearchTest {
  private static final String MARKER = "apisec.marker";

  private static SandboxFixture sandbox;
  private static JiraCalls jira;

  @BeforeAll
  static void startSandbox(Vertx vertx) {
    sandbox = SandboxFixture.start(vertx, List.of());
    jira = new JiraCalls(sandbox);
  }

  @AfterEach
  void resetSandbox() {
    sandbox.reset();
  }

  @Test
  void search_byProject_returnsOnlyItsIssuesWithRequestedProperties() {
    createMarked("SCRUM", "finding-1");
    createMarked("API", "finding-2");
    JsonObject query =
        new JsonObject()
            .put("jql", "project = SCRUM AND created >= -60m ORDER BY created DESC")
            .put("properties", new JsonArray().add(MARKER))
            .put("fields", new JsonArray().add("summary"))
            .put("maxResults", 50);

    HttpResponse<Buffer> response = jira.search(query);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonArray issues = response.bodyAsJsonObject().getJsonArray("issues");
    assertEquals(1, issues.size());
    JsonObject issue = issues.getJsonObject(0);
    assertEquals("SCRUM-1", issue.getString("key"));
    assertEquals(
        "finding-1", issue.getJsonObject("properties").getJsonObject(MARKER).getString("subject"));
    assertEquals(new JsonObject().put("summary", "finding-1"), issue.getJsonObject("fields"));
    assertTrue(response.bodyAsJsonObject().getBoolean("isLast"));
  }

  @Test
  void search_projectInTwoProjects_returnsNewestFirst() {
    createMarked("SCRUM", "older");
    createMarked("API", "newer");

    HttpResponse<Buffer> response =
        jira.search(
            new JsonObject().put("jql", "project in (SCRUM, \"API\") ORDER BY created DESC"));

    assertEquals(List.of("API-1", "SCRUM-1"), keys(response));
  }

  @Test
  void search_getWithQueryParameters_returnsIssuesAndProperties() {
    createMarked("API", "finding-9");

    HttpResponse<Buffer> response =
        jira.call(HttpMethod.GET, "/rest/api/3/search/jql")
            .addQueryParam("jql", "project = API")
            .addQueryParam("properties", MARKER)
            .send()
            .await();

    assertEquals(200, response.statusCode());
    JsonObject issue = response.bodyAsJsonObject().getJsonArray("issues").getJsonObject(0);
    assertTrue(issue.getJsonObject("properties").containsKey(MARKER));
  }

  @Test
  void search_moreThanOnePage_returnsTokenForTheNext() {
    createMarked("SCRUM", "a");
    createMarked("SCRUM", "b");
    JsonObject query = new JsonObject().put("jql", "project = SCRUM").put("maxResults", 1);

    JsonObject first = jira.search(query).bodyAsJsonObject();
    JsonObject second =
        jira.search(query.copy().put("nextPageToken", first.getString("nextPageToken")))
            .bodyAsJsonObject();

    assertFalse(first.getBoolean("isLast"));
    assertTrue(second.getBoolean("isLast"));
    assertEquals("SCRUM-2", first.getJsonArray("issues").getJsonObject(0).getString("key"));
    assertEquals("SCRUM-1", second.getJsonArray("issues").getJsonObject(0).getString("key"));
  }

  @Test
  void search_unknownProject_returns400WithJiraMessage() {
    HttpResponse<Buffer> response = jira.search(new JsonObject().put("jql", "project = NOPE"));

    assertEquals(400, response.statusCode());
    assertEquals(
        "The value 'NOPE' does not exist for the field 'project'.",
        response.bodyAsJsonObject().getJsonArray("errorMessages").getString(0));
  }

  @Test
  void setProperty_thenGet_returnsNewValue() {
    String key = jira.createdKey(JiraCalls.issue("SCRUM", "10001", "x"));
    String path = "/rest/api/3/issue/" + key + "/properties/" + MARKER;

    HttpResponse<Buffer> put =
        jira.call(HttpMethod.PUT, path).sendJsonObject(new JsonObject().put("v", 2)).await();
    HttpResponse<Buffer> get = jira.call(HttpMethod.GET, path).send().await();

    assertEquals(201, put.statusCode());
    assertEquals(new JsonObject().put("v", 2), get.bodyAsJsonObject().getJsonObject("value"));
  }

  private static void createMarked(String project, String subject) {
    JsonObject body = JiraCalls.issue(project, "10001", subject);
    JsonObject marker = new JsonObject().put("subject", subject);
    body.put("properties", new JsonArray().add(JiraCalls.property(MARKER, marker)));
    jira.createdKey(body);
  }

  private static List<String> keys(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonArray("issues").stream()
        .map(i -> ((JsonObject) i).getString("key"))
        .toList();
  }
}
