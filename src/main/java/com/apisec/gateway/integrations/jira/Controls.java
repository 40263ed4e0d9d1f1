package com.apisec.gateway.integrations.jira;

/**
 * Whether text holds a control character, checked before the regular expressions that remove them.
 */
final class Controls {
  private Controls() {}

  /** True when {@code text} has a character of {@code \\p{Cntrl}}: U+0000 to U+001F, or U+007F. */
  static boolean any(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return true;
      }
    }
    return false;
  }
}
