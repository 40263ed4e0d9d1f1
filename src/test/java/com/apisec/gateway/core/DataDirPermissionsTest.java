package com.apisec.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.apisec.gateway.store.EmbeddedStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data dir holds the sealed secrets (the embedded store's file) and, in development, the keys
 * that open them and sign tokens: a started node creates it and them for its owner's eyes only.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DataDirPermissionsTest {
  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "the file system has no POSIX permissions");
  }

  @Test
  void startedNode_newDataDir_dirAndEveryFileOwnerOnly(Vertx vertx) throws Exception {
    Path dataDir = dir.resolve("gateway").resolve("data");
    JsonObject json = TestConfigs.json(dataDir);
    json.remove("security");

    Launcher.Node node = Launcher.start(vertx, GatewayConfig.from(json)).await();
    Map<String, String> whileRunning = permissions(dataDir);
    node.close();
    Map<String, String> afterStop = permissions(dataDir);

    Map<String, String> expected =
        Map.of(
            ".",
            "rwx------",
            EmbeddedStore.FILE_NAME,
            "rw-------",
            Keys.SECRET_KEY_FILE,
            "rw-------",
            Keys.JWT_SECRET_FILE,
            "rw-------");
    assertEquals(new TreeMap<>(expected), whileRunning);
    assertEquals(new TreeMap<>(expected), afterStop);
    assertEquals("rwx------", mode(dataDir.getParent()));
  }

  @Test
  void storeProcess_newDataDir_dirAndStoreFileOwnerOnly() throws Exception {
    Path dataDir = dir.resolve("store");

    try (EmbeddedStore store = EmbeddedStore.start(dataDir, "127.0.0.1", 0)) {
      assertEquals("rwx------", mode(dataDir));
      assertEquals("rw-------", mode(store.file()));
    }
  }

  @Test
  void existingDataDir_keepsItsPermissions_newFilesOwnerOnly(Vertx vertx) throws Exception {
    Path dataDir = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-x---"));
    JsonObject json = TestConfigs.json(dataDir);
    json.remove("security");

    Launcher.start(vertx, GatewayConfig.from(json)).await().close();

    assertEquals("rwxr-x---", mode(dataDir));
    for (String file : List.of(EmbeddedStore.FILE_NAME, Keys.SECRET_KEY_FILE)) {
      assertEquals("rw-------", mode(dataDir.resolve(file)), file);
    }
  }

  /** Each entry of {@code dataDir} (and {@code "."} for the dir itself) with its mode. */
  private static Map<String, String> permissions(Path dataDir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    out.put(".", mode(dataDir));
    try (Stream<Path> entries = Files.list(dataDir)) {
      for (Path entry : entries.toList()) {
        out.put(entry.getFileName().toString(), mode(entry));
      }
    }
    return out;
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
