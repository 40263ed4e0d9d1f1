package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The checks that let text skip a pattern give, on random text made of the characters the patterns
 * care about, what the pattern alone gives.
 */
class PatternShortcutsTest {
  private static final String[] PIECES = {
    "a", "Z", "0", "9", " ", "\t", "\n", "\u000b", "\f", "\r", "\u00a0", "\u2028", "://", ":", "/",
    "http", "https", "s", ".", ",", "<", "\"", "`", "-", "_", "\u00e9"
  };

  @Test
  void blocks_anyText_giveWhatTheBlankLinePatternGives() {
    Pattern blankLines = Pattern.compile("\n(?:[ \\t\\u00a0]*\n)+");
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random);

      assertArrayEquals(blankLines.split(text), AdfDocument.blocks(text), () -> escape(text));
    }
  }

  @Test
  void mayHoldUrl_everyTextTheUrlPatternFindsIn_isTrue() {
    Pattern url = Pattern.compile("https?://[^\\s<>\"'`]+");
    Random random = new Random(12);
    int found = 0;
    for (int i = 0; i < 200_000; i++) {
      String text = randomText(random);
      if (url.matcher(text).find()) {
        found++;
        assertTrue(AdfInline.mayHoldUrl(text), () -> escape(text));
      }
    }
    assertTrue(found > 100, "random texts with a URL: " + found);
  }

  @Test
  void underscoreSpaces_anyLabel_givesWhatTheWhitespacePatternGives() {
    Pattern spaces = Pattern.compile("\\s+");
    Random random = new Random(13);
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random);

      assertEquals(
          spaces.matcher(text).replaceAll("_"), Labels.underscoreSpaces(text), () -> escape(text));
    }
  }

  @Test
  void isNumericId_anyText_matchesWhatTheDigitPatternMatches() {
    Pattern digits = Pattern.compile("[0-9]+");
    Random random = new Random(14);
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random);

      assertEquals(
          digits.matcher(text).matches(), JiraTickets.isNumericId(text), () -> escape(text));
    }
    assertTrue(JiraTickets.isNumericId("10001"));
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(9); n > 0; n--) {
      String piece = PIECES[random.nextInt(PIECES.length)];
      // Digits often, so that all-digit texts come up.
      text.append(random.nextInt(3) == 0 ? String.valueOf(random.nextInt(10)) : piece);
    }
    return text.toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }
}
