package com.apisec.gateway.outbound;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from a vendor's text before it reaches a reply or a log line.
 *
 * <p>A secret of {@value #ANYWHERE_LENGTH} characters or more is replaced wherever it appears, even
 * inside a word, and in any letter case. A shorter one is replaced only where it stands alone, with
 * no letter or digit on either side: a secret such as {@code t} occurs in almost every word, and
 * replacing it there would leave the message unreadable while hiding nothing a reader could not
 * guess, since a secret that short is guessed sooner than it is read out of a message. The longest
 * secrets go first, so that a short one never breaks up a longer form (an encoded credential)
 * before it is found.
 */
public final class Redactor {
  public static final String MASK = "[REDACTED]";

  /** Secrets this long or longer are replaced even inside words. */
  public static final int ANYWHERE_LENGTH = 8;

  private Redactor() {}

  /** {@code text} with each of {@code secrets} (null and empty ones ignored) replaced. */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    List<String> longestFirst =
        secrets.stream()
            .filter(Objects::nonNull)
            .filter(secret -> !secret.isEmpty())
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    String out = text;
    for (String secret : longestFirst) {
      out = secret.length() >= ANYWHERE_LENGTH ? anyCase(out, secret) : whereAlone(out, secret);
    }
    return out;
  }

  /** Every occurrence in any letter case: a vendor may echo a token upper- or lower-cased. */
  private static String anyCase(String text, String secret) {
    return Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(text)
        .replaceAll(Matcher.quoteReplacement(MASK));
  }

  private static String whereAlone(String text, String secret) {
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int at = text.indexOf(secret);
    while (at >= 0) {
      int end = at + secret.length();
      if (isWordChar(text, at - 1) || isWordChar(text, end)) {
        at = text.indexOf(secret, at + 1);
        continue;
      }
      out.append(text, copied, at).append(MASK);
      copied = end;
      at = text.indexOf(secret, end);
    }
    return copied == 0 ? text : out.append(text, copied, text.length()).toString();
  }

  private static boolean isWordChar(String text, int index) {
    return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
  }
}
