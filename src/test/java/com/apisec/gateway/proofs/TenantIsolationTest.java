package com.apisec.gateway.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.api.Operation;
import com.apisec.gateway.api.Operations;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.testing.OpenApiExamples;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Two accounts with the same integrations: whatever account A sends, to every operation of the
 * route table, nothing of account B is read, changed or triggered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class TenantIsolationTest {
  private static final String B_EMAIL = "owner-of-b@example.com";
  private static final String THREAT = "4a3502a0-ab5f-4255-9628-aae3b0ef33bd";

  private Vertx vertx;
  private TestGateway gateway;
  private long accountA;
  private long accountB;
  private String tokenA;
  private String tokenB;

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, Files.createTempDirectory("tenants"), 2_000);
    accountA = TestGateway.newAccount();
    accountB = TestGateway.newAccount();
    tokenA = gateway.adminToken(accountA);
    tokenB = gateway.adminToken(accountB);
    assertEquals(200, gateway.post("jira/add", tokenA, example("jira/add")).statusCode());
    JsonObject saveB = example("jira/add").put("userEmail", B_EMAIL);
    assertEquals(200, gateway.post("jira/add", tokenB, saveB).statusCode());
    assertEquals(200, gateway.post("createGeneralJiraTicket", tokenB, ticket()).statusCode());
  }

  @AfterAll
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void accountA_callingEveryOperation_leavesAccountBUntouchedAndUnseen() {
    JsonObject before = accountData(accountB);

    for (Operation op : Operations.all()) {
      HttpResponse<Buffer> response = gateway.post(op.name(), tokenA, example(op.name()));

      String text = response.bodyAsString();
      assertFalse(text.contains(B_EMAIL), op.name() + " showed account B's data: " + text);
      assertTrue(response.statusCode() < 500, op.name() + ": " + text);
    }

    assertEquals(before, accountData(accountB));
  }

  @Test
  void accountA_askingForBsThreat_getsItsOwnTicketNotBs() {
    assertEquals(200, gateway.post("jira/add", tokenA, example("jira/add")).statusCode());
    JsonObject fromB = gateway.post("createGeneralJiraTicket", tokenB, ticket()).bodyAsJsonObject();

    HttpResponse<Buffer> response = gateway.post("createGeneralJiraTicket", tokenA, ticket());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject fromA = response.bodyAsJsonObject();
    assertEquals(true, fromB.getBoolean("existing"));
    assertNotEquals(fromB.getString("jiraTicketKey"), fromA.getString("jiraTicketKey"));
  }

  @Test
  void accountA_readingTheIntegration_seesOnlyItsOwn() {
    JsonObject read = gateway.post("fetchIntegration", tokenA, new JsonObject()).bodyAsJsonObject();

    assertNotEquals(B_EMAIL, read.getString("userEmail"));
  }

  /** Every document of the account: its rows in the gateway's store and its platform database. */
  private JsonObject accountData(long account) {
    JsonObject all =
        StoreSnapshot.take(vertx, gateway.storeUri(), List.of("gateway", Long.toString(account)));
    JsonObject own = new JsonObject();
    JsonObject gatewayDb = all.getJsonObject("gateway");
    for (String collection : gatewayDb.fieldNames()) {
      JsonArray rows = new JsonArray();
      for (Object row : gatewayDb.getJsonArray(collection)) {
        if (((JsonObject) row).getValue("accountId") == null) {
          rows.add(row);
        } else if (((JsonObject) row).getLong("accountId") == account) {
          rows.add(row);
        }
      }
      own.put(collection, rows);
    }
    return own.put("platform", all.getJsonObject(Long.toString(account)));
  }

  private static JsonObject ticket() {
    return example("createGeneralJiraTicket").put("threatEventId", THREAT);
  }

  private static JsonObject example(String operation) {
    return OpenApiExamples.example(operation);
  }
}
