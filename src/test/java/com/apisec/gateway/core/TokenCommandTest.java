package com.apisec.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.apisec.gateway.api.Caller;
import com.apisec.gateway.api.Operation.Access;
import com.apisec.gateway.api.Operation.Feature;
import com.apisec.gateway.api.TokenVerifier;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class TokenCommandTest {
  @TempDir Path dir;

  @Test
  void token_memberRole_isSignedWithTheNodesKeyAndCarriesRolePermissions(Vertx vertx)
      throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");

    String token =
        run("token", "--config", config.toString(), "--account", "1000000", "--role", "member");
    Keys keys =
        Keys.load(
            GatewayConfig.from(ConfigLoader.load(vertx, config, java.util.Map.of()).await()),
            false);
    Caller caller = new TokenVerifier(vertx, keys.jwtSecrets()).verify(token).await();

    assertEquals(1_000_000L, caller.accountId());
    assertEquals("MEMBER", caller.role());
    assertEquals(true, caller.may(Feature.ISSUES, Access.READ_WRITE));
    assertEquals(false, caller.may(Feature.INTEGRATIONS, Access.READ_WRITE));
  }

  @Test
  void token_explicitPermissions_overrideTheRole(Vertx vertx) throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");

    String token =
        run(
            "token",
            "--config",
            config.toString(),
            "--account",
            "7",
            "--role",
            "ADMIN",
            "--permissions",
            "INTEGRATIONS=READ,ISSUES=NO_ACCESS");
    Keys keys =
        Keys.load(
            GatewayConfig.from(ConfigLoader.load(vertx, config, java.util.Map.of()).await()),
            false);
    Caller caller = new TokenVerifier(vertx, keys.jwtSecrets()).verify(token).await();

    assertEquals(true, caller.may(Feature.INTEGRATIONS, Access.READ));
    assertEquals(false, caller.may(Feature.INTEGRATIONS, Access.READ_WRITE));
    assertEquals(false, caller.may(Feature.ISSUES, Access.READ));
  }

  @Test
  void token_unknownRole_failsWithoutPrintingAToken() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));

    int code = line.execute("token", "--account", "1", "--role", "ROOT");

    assertNotEquals(0, code);
    assertEquals("", out.toString());
    assertEquals("error: --role must be one of", err.toString().substring(0, 28));
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setOut(new PrintWriter(out));
    int code = line.execute(args);
    assertEquals(0, code);
    return out.toString().trim();
  }
}
