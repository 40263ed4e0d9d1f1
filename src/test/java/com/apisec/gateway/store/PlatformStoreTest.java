package com.apisec.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class PlatformStoreTest {
  @TempDir Path dataDir;
  private Vertx vertx;
  private StoreVerticle store;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    store = new StoreVerticle(TestConfigs.config(dataDir));
    vertx.deployVerticle(store).await();
  }

  @Test
  void finding_demoIssue_comesWithLatestSamplesAndTemplate() {
    TestingIssueId id = DemoFindings.ids().get(0);

    Finding finding = store.platform().finding(DemoFindings.ACCOUNT, id).await();

    assertEquals("HIGH", finding.severity());
    assertEquals("BOLA by replacing the auth token", finding.template().name());
    assertEquals("65a5a5a5a5a5a5a5a5a5a5a0", finding.resultId());
    assertTrue(finding.originalMessage().contains("/api/v1/users/42"));
    assertTrue(finding.testMessage().contains("user-b"));
    assertEquals("API1:2023", finding.template().compliance().getJsonArray("OWASP").getString(0));
  }

  @Test
  void finding_storedIdWithOtherFieldOrder_isFoundByFields() {
    JsonObject reordered =
        new JsonObject()
            .put("testSubCategory", "CUSTOM_TEST")
            .put("testErrorSource", "TEST_EDITOR")
            .put(
                "apiInfoKey",
                new JsonObject()
                    .put("method", "PUT")
                    .put("url", "https://shop.example.com/cart")
                    .put("apiCollectionId", 5));
    platformDb(7L)
        .insert("testing_run_issues", new JsonObject().put("_id", reordered).put("severity", "LOW"))
        .await();
    TestingIssueId id =
        new TestingIssueId(5, "https://shop.example.com/cart", "PUT", "CUSTOM_TEST", "TEST_EDITOR");

    Finding finding = store.platform().finding(7L, id).await();

    assertNotNull(finding);
    assertEquals("LOW", finding.severity());
    assertNull(finding.originalMessage());
  }

  @Test
  void finding_ofAnotherAccount_isNotVisible() {
    TestingIssueId id = DemoFindings.ids().get(0);

    Finding finding = store.platform().finding(2_000_000L, id).await();

    assertNull(finding);
  }

  @Test
  void linkTicket_writesTheFieldsTheDashboardReads() {
    TestingIssueId id = DemoFindings.ids().get(1);
    var link =
        new PlatformStore.TicketLink(
            "jiraIssueUrl",
            "https://example-org.atlassian.net/browse/SCRUM-7",
            "JIRA",
            "SCRUM",
            "SCRUM-7");

    store.platform().linkTicket(DemoFindings.ACCOUNT, id, link).await();
    Finding finding = store.platform().finding(DemoFindings.ACCOUNT, id).await();
    JsonObject raw =
        platformDb(DemoFindings.ACCOUNT)
            .findOne("testing_run_issues", id.issueFilter(), null)
            .await();

    assertEquals("https://example-org.atlassian.net/browse/SCRUM-7", finding.existingTicketUrl());
    assertEquals("JIRA", raw.getString("ticketSource"));
    assertEquals("SCRUM-7", raw.getString("ticketId"));
    assertEquals("SCRUM", raw.getString("ticketProjectKey"));
  }

  @Test
  void finding_templateWithoutRemediation_takesTheSharedLibrarysText() {
    long account = 8L;
    TestingIssueId id =
        new TestingIssueId(9, "https://shop.example.com/pay", "POST", "NO_FIX_TEXT", "RUNTIME");
    platformDb(account)
        .insert("testing_run_issues", new JsonObject().put("_id", id.toJson()))
        .await();
    platformDb(account)
        .insert(
            "yaml_templates",
            new JsonObject()
                .put("_id", "NO_FIX_TEXT")
                .put("info", new JsonObject().put("name", "No fix text")))
        .await();
    MongoClient common =
        MongoClient.createShared(vertx, store.mongoConfig().put("db_name", "common"), "common");
    common
        .insert(
            "remediations",
            new JsonObject()
                .put("_id", "tests-library-master/remediation/NO_FIX_TEXT.md")
                .put("remediationText", "Validate the payment owner."))
        .await();

    Finding finding = store.platform().finding(account, id).await();

    assertEquals("Validate the payment owner.", finding.template().remediation());
    assertEquals("No fix text", finding.template().name());
  }

  private MongoClient platformDb(long account) {
    JsonObject config = store.mongoConfig().put("db_name", Long.toString(account));
    return MongoClient.createShared(vertx, config, "platform-test-" + account);
  }
}
