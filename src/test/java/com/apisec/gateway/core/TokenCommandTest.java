package com.apisec.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
  void token_permissionsWithoutRole_claimsTheCustomRoleNotAdmin(Vertx vertx) throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");

    String token =
        run("token", "--config", "" + config, "--account", "7", "--permissions", "ISSUES=READ");
    Keys keys =
        Keys.load(
            GatewayConfig.from(ConfigLoader.load(vertx, config, java.util.Map.of()).await()),
            false);
    Caller caller = new TokenVerifier(vertx, keys.jwtSecrets()).verify(token).await();

    assertEquals("CUSTOM", caller.role());
    assertEquals(true, caller.may(Feature.ISSUES, Access.READ));
    assertEquals(false, caller.may(Feature.INTEGRATIONS, Access.READ));
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

  @Test
  void token_unknownPermissionLevel_failsNamingTheValue() throws Exception {
    Failure failure = failWithPermissions("INTEGRATIONS=READ,ISSUES=WRITE");

    assertNotEquals(0, failure.code());
    assertEquals("", failure.out());
    assertFalse(Files.exists(dir.resolve("data")), "keys generated for a refused token");
    assertTrue(failure.err().contains("unknown level 'WRITE'"), failure.err());
    assertTrue(failure.err().contains("[NO_ACCESS, READ, READ_WRITE]"), failure.err());
  }

  @Test
  void token_unknownPermissionFeature_failsNamingTheValue() throws Exception {
    Failure failure = failWithPermissions("ISSUE=READ_WRITE");

    assertNotEquals(0, failure.code());
    assertEquals("", failure.out());
    assertTrue(failure.err().contains("unknown feature 'ISSUE'"), failure.err());
  }

  @Test
  void token_featureNamedTwice_fails() throws Exception {
    Failure failure = failWithPermissions("ISSUES=READ,issues=READ_WRITE");

    assertNotEquals(0, failure.code());
    assertTrue(failure.err().contains("ISSUES twice"), failure.err());
  }

  @ParameterizedTest
  @CsvSource({
    "--ttl-minutes, 0, --ttl-minutes must be from 1 to 525600, got 0",
    "--ttl-minutes, -5, --ttl-minutes must be from 1 to 525600, got -5",
    "--ttl-minutes, 525601, --ttl-minutes must be from 1 to 525600, got 525601",
    "--account, 0, --account must be a positive account id, got 0",
    "--account, -1, --account must be a positive account id, got -1"
  })
  void token_valueTheGatewayWouldNotHonour_failsWithoutPrintingAToken(
      String option, String value, String message) throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");
    List<String> args = new ArrayList<>(List.of("token", "--config", "" + config));
    if (!option.equals("--account")) {
      args.addAll(List.of("--account", "1"));
    }
    args.addAll(List.of(option, value));

    Failure failure = fail(args.toArray(String[]::new));

    assertNotEquals(0, failure.code());
    assertEquals("", failure.out());
    assertTrue(failure.err().contains(message), failure.err());
  }

  private record Failure(int code, String out, String err) {}

  private Failure failWithPermissions(String permissions) throws Exception {
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");
    return fail("token", "--config", "" + config, "--account", "1", "--permissions", permissions);
  }

  private static Failure fail(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setOut(new PrintWriter(out));
    line.setErr(new PrintWriter(err));
    int code = line.execute(args);
    return new Failure(code, out.toString(), err.toString());
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
