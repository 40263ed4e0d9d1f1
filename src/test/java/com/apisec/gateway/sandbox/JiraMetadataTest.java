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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JiraMetadataTest {
  private static JiraCalls jira;

  @BeforeAll
  static void startSandbox(Vertx vertx) {
    jira = new JiraCalls(SandboxFixture.start(vertx, List.of()));
  }

  @Test
  void createMetaIssueTypes_knownProject_returnsBugAndStoryPage() {
    HttpResponse<Buffer> response = get("/rest/api/3/issue/createmeta/SCRUM/issuetypes");

    assertEquals(200, response.statusCode());
    JsonObject page = response.bodyAsJsonObject();
    assertEquals(List.of("10001:Bug", "10002:Story"), idsAndNames(page.getJsonArray("issueTypes")));
    assertEquals(2, page.getInteger("total"));
    assertEquals(0, page.getInteger("startAt"));
    assertEquals(50, page.getInteger("maxResults"));
  }

  @Test
  void createMetaIssueTypes_unknownProject_returns404WithJiraMessage() {
    HttpResponse<Buffer> response = get("/rest/api/3/issue/createmeta/NOPE/issuetypes");

    assertEquals(404, response.statusCode());
    assertEquals(
        new JsonObject()
            .put("errorMessages", new JsonArray().add("No project could be found with key 'NOPE'."))
            .put("errors", new JsonObject()),
        response.bodyAsJsonObject());
  }

  @Test
  void legacyCreateMeta_twoProjectKeys_listsBothWithIssueTypes() {
    HttpResponse<Buffer> response =
        get("/rest/api/3/issue/createmeta?projectKeys=SCRUM,API&expand=projects.issuetypes");

    JsonArray projects = response.bodyAsJsonObject().getJsonArray("projects");
    assertEquals(2, projects.size());
    assertEquals("API", projects.getJsonObject(1).getString("key"));
    assertEquals(
        List.of("10001:Bug", "10002:Story"),
        idsAndNames(projects.getJsonObject(1).getJsonArray("issuetypes")));
  }

  @Test
  void fieldSearch_pagedBy50_withFlagsOnlyWhenExpanded() {
    HttpResponse<Buffer> first =
        get("/rest/api/3/field/search?startAt=0&expand=isLocked,isUnscreenable");
    HttpResponse<Buffer> second = get("/rest/api/3/field/search?startAt=50&expand=isLocked");
    HttpResponse<Buffer> plain = get("/rest/api/3/field/search?maxResults=5");

    JsonObject page1 = first.bodyAsJsonObject();
    JsonObject page2 = second.bodyAsJsonObject();
    assertEquals(50, page1.getJsonArray("values").size());
    assertFalse(page1.getBoolean("isLast"));
    assertTrue(page1.getString("nextPage").endsWith("/rest/api/3/field/search?startAt=50"));
    assertEquals(page1.getInteger("total") - 50, page2.getJsonArray("values").size());
    assertTrue(page2.getBoolean("isLast"));
    JsonObject sprint = field(page1, "customfield_10020");
    JsonObject color = field(page1, "customfield_10017");
    assertEquals(
        List.of(true, false), List.of(sprint.getBoolean("isLocked"), color.getBoolean("isLocked")));
    assertEquals(
        List.of(false, true),
        List.of(sprint.getBoolean("isUnscreenable"), color.getBoolean("isUnscreenable")));
    assertFalse(page2.getJsonArray("values").getJsonObject(0).containsKey("isUnscreenable"));
    JsonObject unexpanded = plain.bodyAsJsonObject().getJsonArray("values").getJsonObject(0);
    assertEquals(Set.of("id", "name", "schema"), unexpanded.fieldNames());
  }

  @Test
  void fieldSearch_typeCustom_listsOnlyCustomFields() {
    JsonArray values =
        get("/rest/api/3/field/search?type=custom&maxResults=100")
            .bodyAsJsonObject()
            .getJsonArray("values");

    assertTrue(
        values.stream().allMatch(f -> ((JsonObject) f).getString("id").startsWith("customfield_")));
    assertTrue(values.size() > 10, values.encode());
  }

  @Test
  void priorities_returnsFiveWithIds() {
    HttpResponse<Buffer> response = get("/rest/api/3/priority");

    JsonArray priorities = response.bodyAsJsonArray();
    assertEquals(5, priorities.size());
    assertEquals("High", priorities.getJsonObject(1).getString("name"));
    assertEquals("2", priorities.getJsonObject(1).getString("id"));
  }

  @Test
  void projectStatuses_knownProject_listsStatusesPerIssueType() {
    HttpResponse<Buffer> response = get("/rest/api/3/project/API/statuses");

    JsonArray types = response.bodyAsJsonArray();
    assertEquals(2, types.size());
    JsonArray statuses = types.getJsonObject(0).getJsonArray("statuses");
    assertTrue(statuses.stream().anyMatch(s -> "Done".equals(((JsonObject) s).getString("name"))));
  }

  private static JsonObject field(JsonObject page, String id) {
    return page.getJsonArray("values").stream()
        .map(JsonObject.class::cast)
        .filter(f -> id.equals(f.getString("id")))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<Buffer> get(String pathAndQuery) {
    return jira.call(HttpMethod.GET, pathAndQuery).send().await();
  }

  private static List<String> idsAndNames(JsonArray types) {
    return types.stream()
        .map(t -> ((JsonObject) t).getString("id") + ":" + ((JsonObject) t).getString("name"))
        .toList();
  }
}
