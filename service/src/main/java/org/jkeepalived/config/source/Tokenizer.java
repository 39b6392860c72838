package org.jkeepalived.config.source;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;

/**
 * Splits a logical line into words as keepalived's parser does (lib/parser.c, observed with 2.2.7):
 * whitespace separates words; {@code {} and {@code }} are always words of their own, even glued to
 * text; single or double quotes group text (quotes removed, so {@code ab"c d"e} is one word
 * {@code abc de}); backslashes are kept as written (escapes are only interpreted in script strings,
 * see {@link #unescape}). An unmatched quote is an error and drops the rest of the line.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    public static List<String> words(String line, Location location, Diagnostics diagnostics) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                int close = line.indexOf(c, i + 1);
                if (close < 0) {
                    diagnostics.error(location, "Unmatched quote: '" + line + "'");
                    return out;
                }
                word.append(line, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '{' || c == '}') {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                out.add(String.valueOf(c));
                i++;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    /**
     * Interprets the shell-like escapes keepalived allows in script strings:
     * {@code \a \b \E \f \n \r \t \v \\ \" \' \nnn} (octal), {@code \xXX} and {@code \cC}.
     */
    public static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'E' -> b.append('\u001b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'v' -> b.append('\u000b');
                case 'x' -> {
                    int end = i + 1;
                    while (end < s.length() && end < i + 3 && Character.digit(s.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        b.append('\\').append('x');
                    } else {
                        b.append((char) Integer.parseInt(s.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                case 'c' -> {
                    if (i + 1 < s.length()) {
                        b.append((char) (Character.toUpperCase(s.charAt(++i)) ^ 0x40));
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                            end++;
                        }
                        b.append((char) Integer.parseInt(s.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        b.append(e);
                    }
                }
            }
        }
        return b.toString();
    }
}
