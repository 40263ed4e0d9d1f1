package com.apisec.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.apisec.gateway.core.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class TokenVerifierTest {

  @Test
  void verify_rs256TokenWithConfiguredPublicKey_isAccepted(Vertx vertx) throws Exception {
    KeyPair pair = rsa();
    String token = signRs256(vertx, pair);
    TokenVerifier verifier = new TokenVerifier(vertx, List.of(), List.of(pem(pair)));

    Caller caller = verifier.verify(token).await();

    assertEquals(42L, caller.accountId());
  }

  @Test
  void verify_rs256TokenFromAnotherKey_isRefused(Vertx vertx) throws Exception {
    String token = signRs256(vertx, rsa());
    TokenVerifier verifier = new TokenVerifier(vertx, List.of(), List.of(pem(rsa())));

    assertThrows(TokenVerifier.Unauthorized.class, () -> verifier.verify(token).await());
  }

  @Test
  void verify_hs256WhenOnlyRsaIsConfigured_isRefused(Vertx vertx) throws Exception {
    String token =
        Tokens.sign(
            vertx,
            "some-hs-secret-0123456789abcdef0123456789ab",
            Tokens.claims(42, "ADMIN", "READ", "READ"),
            60);
    TokenVerifier verifier = new TokenVerifier(vertx, List.of(), List.of(pem(rsa())));

    assertThrows(TokenVerifier.Unauthorized.class, () -> verifier.verify(token).await());
  }

  @Test
  void verify_keptTokenOnceItsExpiryPasses_isRefused(Vertx vertx) {
    AtomicLong now = new AtomicLong(System.currentTimeMillis());
    TokenVerifier verifier =
        new TokenVerifier(vertx, List.of(TestConfigs.JWT_SECRET), List.of(), now::get);
    String token =
        Tokens.sign(vertx, TestConfigs.JWT_SECRET, Tokens.claims(7, "ADMIN", "READ", "READ"), 30);
    assertEquals(7L, verifier.verify(token).await().accountId());

    now.addAndGet(31_000);

    assertThrows(TokenVerifier.Unauthorized.class, () -> verifier.verify(token).await());
  }

  @Test
  void verify_sameTokenAgain_givesTheSameCallerWithoutSecondCheck(Vertx vertx) {
    TokenVerifier verifier = new TokenVerifier(vertx, List.of(TestConfigs.JWT_SECRET));
    String token =
        Tokens.sign(vertx, TestConfigs.JWT_SECRET, Tokens.claims(7, "ADMIN", "READ", "READ"), 600);

    Caller first = verifier.verify(token).await();
    Caller second = verifier.verify(token).await();

    assertSame(first, second);
  }

  @Test
  void verify_tamperedCopyOfKeptToken_isRefused(Vertx vertx) {
    TokenVerifier verifier = new TokenVerifier(vertx, List.of(TestConfigs.JWT_SECRET));
    String token =
        Tokens.sign(vertx, TestConfigs.JWT_SECRET, Tokens.claims(7, "ADMIN", "READ", "READ"), 600);
    verifier.verify(token).await();
    String[] parts = token.split("\\.");
    String otherClaims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                Tokens.claims(8, "ADMIN", "READ_WRITE", "READ_WRITE").encode().getBytes());
    String tampered = parts[0] + "." + otherClaims + "." + parts[2];

    assertThrows(TokenVerifier.Unauthorized.class, () -> verifier.verify(tampered).await());
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String pem(KeyPair pair) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  private static String signRs256(Vertx vertx, KeyPair pair) {
    String privatePem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    JWTAuth signer =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("RS256").setBuffer(privatePem)));
    return signer.generateToken(
        Tokens.claims(42, "ADMIN", "READ_WRITE", "READ_WRITE"),
        new JWTOptions().setAlgorithm("RS256").setExpiresInSeconds(60));
  }
}
