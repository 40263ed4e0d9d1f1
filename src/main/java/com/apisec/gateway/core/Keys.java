package com.apisec.gateway.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys the gateway needs: the AES key that seals secrets at rest and the HS256 secrets that
 * sign tokens. In development mode a missing key is generated into the data dir, once, with a
 * warning.
 */
public record Keys(byte[] secretKey, List<String> jwtSecrets, List<String> jwtPublicKeys) {
  static final String SECRET_KEY_FILE = "secret.key";
  static final String JWT_SECRET_FILE = "jwt.secret";
  private static final Logger LOG = LoggerFactory.getLogger(Keys.class);

  public Keys {
    secretKey = secretKey.clone();
    jwtSecrets = List.copyOf(jwtSecrets);
    jwtPublicKeys = List.copyOf(jwtPublicKeys);
  }

  public static Keys load(GatewayConfig config, boolean mayGenerate) {
    return new Keys(secretKey(config, mayGenerate), List.of(), List.of())
        .withTokenKeys(config, mayGenerate);
  }

  /** The same sealing key with the token keys the given config names (used on reload). */
  public Keys withTokenKeys(GatewayConfig config, boolean mayGenerate) {
    List<String> jwt = config.security().jwtSecrets();
    List<String> publicKeys = publicKeys(config.security().jwtPublicKeyFiles());
    if (jwt.isEmpty() && publicKeys.isEmpty()) {
      jwt = List.of(fromFile(config, JWT_SECRET_FILE, "security.jwtSecrets", mayGenerate));
    }
    for (String secret : jwt) {
      if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
        throw new ConfigException("security.jwtSecrets entries must be at least 32 bytes long");
      }
    }
    return new Keys(secretKey, jwt, publicKeys);
  }

  private static List<String> publicKeys(List<String> files) {
    List<String> out = new java.util.ArrayList<>();
    for (String name : files) {
      try {
        String pem = Files.readString(Path.of(name), StandardCharsets.UTF_8);
        if (!pem.contains("BEGIN PUBLIC KEY")) {
          throw new ConfigException(
              "security.jwtPublicKeyFiles: " + name + " is not a PEM public key");
        }
        out.add(pem.trim());
      } catch (IOException e) {
        throw new ConfigException("security.jwtPublicKeyFiles: cannot read " + name);
      }
    }
    return out;
  }

  private static byte[] secretKey(GatewayConfig config, boolean mayGenerate) {
    String encoded = config.security().secretKey();
    if (encoded.isEmpty()) {
      encoded = fromFile(config, SECRET_KEY_FILE, "security.secretKey", mayGenerate);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("security.secretKey must be base64");
    }
    if (key.length != 32) {
      throw new ConfigException("security.secretKey must decode to 32 bytes, got " + key.length);
    }
    return key;
  }

  private static String fromFile(
      GatewayConfig config, String name, String key, boolean mayGenerate) {
    Path file = config.dataDir().resolve(name);
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      if (!config.development() || !mayGenerate) {
        throw new ConfigException(key + " is not set and " + file + " does not exist");
      }
      String generated = randomBase64();
      PrivateFiles.directory(config.dataDir());
      PrivateFiles.createIfAbsent(file);
      Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
      LOG.warn("generated a new key for development [key: {}, file: {}]", key, file);
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  static String randomBase64() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "Keys[secretKey=[REDACTED], jwtSecrets="
        + jwtSecrets.size()
        + ", jwtPublicKeys="
        + jwtPublicKeys.size()
        + "]";
  }
}
