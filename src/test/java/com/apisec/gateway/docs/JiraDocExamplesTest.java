package com.apisec.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.sandbox.RequiresContracts;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every curl example of {@code docs/jira.md}, in order and as written, with bash and curl
 * against a fresh gateway: Jira Cloud first, then the same account moved to Data Center. Each must
 * answer JSON without an error, and no call may break a vendor's contract.
 */
@RequiresContracts
@Timeout(240)
class JiraDocExamplesTest {
  private Vertx vertx;
  private TestGateway gateway;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, Files.createTempDirectory("jira-doc"), 10_000);
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void jiraDoc_curlExamples_allSucceedOnBothDeployments() throws Exception {
    List<String> commands = curlBlocks(Path.of("docs/jira.md"));
    List<JsonObject> replies = new ArrayList<>();

    for (String command : commands) {
      Object reply = run(command);
      if (reply instanceof JsonObject json) {
        assertFalse(json.containsKey("actionErrors"), command + "\n-> " + json);
        replies.add(json);
      }
    }

    assertTrue(commands.size() >= 16, "the page lost its examples: " + commands.size());
    assertEquals("SCRUM-1", find(replies, "jiraTicketKey").getString("jiraTicketKey"));
    assertEquals(2, find(replies, "createdCount").getInteger("createdCount"));
    JsonObject last = replies.get(replies.size() - 1);
    assertTrue(last.getString("jiraTicketUrl").startsWith(TestGateway.DC_BASE_URL), last.encode());
    gateway.sandbox().assertNoViolations();
  }

  /** Each bash block that is one curl command, its continuation lines joined. */
  static List<String> curlBlocks(Path markdown) throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder block = null;
    for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
      if (line.equals("```bash")) {
        block = new StringBuilder();
      } else if (line.startsWith("```") && block != null) {
        if (block.toString().startsWith("curl ")) {
          out.add(block.toString());
        }
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return out;
  }

  private static JsonObject find(List<JsonObject> replies, String key) {
    return replies.stream().filter(r -> r.containsKey(key)).findFirst().orElseThrow();
  }

  private Object run(String command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true);
    builder.environment().put("API", "http://127.0.0.1:" + gateway.httpPort() + "/api");
    builder.environment().put("TOKEN", gateway.adminToken(1_000_000L));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), command + " -> " + output);
    return Json.decodeValue(output);
  }
}
