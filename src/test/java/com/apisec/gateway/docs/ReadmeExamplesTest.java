package com.apisec.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.integrations.jira.support.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
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
 * Runs the README's curl examples, as written, with bash and curl against a fresh gateway: each
 * must answer JSON without an error, and the ticket must be SCRUM-1.
 */
@Timeout(120)
class ReadmeExamplesTest {
  private Vertx vertx;
  private TestGateway gateway;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, Files.createTempDirectory("readme"), 5_000);
  }

  @AfterEach
  void stop() throws Exception {
    gateway.close();
  }

  @Test
  void readme_curlExamples_allSucceedAgainstAFreshGateway() throws Exception {
    List<String> commands = curlCommands(Path.of("README.md"));
    assertTrue(commands.size() >= 4, "the README lost its examples: " + commands);
    List<Object> replies = new ArrayList<>();

    for (String command : commands) {
      replies.add(run(command));
    }

    for (int i = 0; i < replies.size(); i++) {
      if (replies.get(i) instanceof JsonObject reply) {
        assertFalse(reply.containsKey("actionErrors"), commands.get(i) + " -> " + reply);
      }
    }
    JsonObject ticket = (JsonObject) replies.get(1);
    assertEquals("SCRUM-1", ticket.getString("jiraTicketKey"));
    JsonArray received = (JsonArray) replies.get(replies.size() - 1);
    assertEquals(3, received.size(), "the Jira stand-in should see metadata, create, attach");
  }

  static List<String> curlCommands(Path markdown) throws IOException {
    List<String> out = new ArrayList<>();
    boolean inBash = false;
    for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        inBash = !inBash && line.equals("```bash");
      } else if (inBash && line.startsWith("curl ")) {
        out.add(line);
      }
    }
    return out;
  }

  private Object run(String command) throws Exception {
    String local = command.replace("localhost:8090", "127.0.0.1:" + gateway.sandbox().port());
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", local).redirectErrorStream(true);
    builder.environment().put("API", "http://127.0.0.1:" + gateway.httpPort() + "/api");
    builder.environment().put("TOKEN", gateway.adminToken(1_000_000L));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), command + " -> " + output);
    return Json.decodeValue(output);
  }
}
