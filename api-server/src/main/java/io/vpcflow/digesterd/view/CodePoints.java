package io.vpcflow.digesterd.view;

/** Orders strings by code point, which is the unsigned byte order of their UTF-8 encodings. */
final class CodePoints {
  private CodePoints() {}

  /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
