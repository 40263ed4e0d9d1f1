package com.apisec.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private final SecretBox box = new SecretBox(new byte[32]);

  @Test
  void seal_thenOpenWithSameContext_returnsPlaintext() {
    String sealed = box.seal("jira-token-123", "1000000:jira:apiToken");

    assertEquals("jira-token-123", box.open(sealed, "1000000:jira:apiToken"));
    assertFalse(sealed.contains("jira-token-123"));
    assertFalse(new String(Base64.getDecoder().decode(sealed.substring(3))).contains("jira"));
  }

  @Test
  void seal_twice_givesDifferentCiphertexts() {
    assertNotEquals(box.seal("same", "ctx"), box.seal("same", "ctx"));
  }

  @Test
  void open_withOtherAccountContextOrKey_fails() {
    String sealed = box.seal("secret", "1000000:jira:apiToken");
    SecretBox otherKey =
        new SecretBox(
            new byte[] {
              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
              25, 26, 27, 28, 29, 30, 31, 32
            });

    assertThrows(IllegalStateException.class, () -> box.open(sealed, "2000000:jira:apiToken"));
    assertThrows(IllegalStateException.class, () -> otherKey.open(sealed, "1000000:jira:apiToken"));
    assertThrows(IllegalStateException.class, () -> box.open("plain", "ctx"));
  }
}
