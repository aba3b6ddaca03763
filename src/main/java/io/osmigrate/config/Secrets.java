package io.osmigrate.config;

import java.util.regex.Pattern;

/** Keeps credentials out of messages: JDBC URLs lose their password parameters; known secrets are masked. */
public final class Secrets {

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password|pwd)=([^;&]*)");
    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/:@;]+):([^@/;]+)@");

    private Secrets() {
    }

    /** The URL with any password parameter or user-info password replaced by ***. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(url).replaceAll("$1=***");
        return URL_USERINFO.matcher(out).replaceAll("$1:***@");
    }

    /** The text with every occurrence of the secret (if any) replaced by ***. */
    public static String mask(String text, String secret) {
        if (text == null || secret == null || secret.length() < 3) {
            return text;
        }
        return text.replace(secret, "***");
    }

    /**
     * The text with the secret, and every run of at least {@code fragment} of its characters in a row
     * (a driver may echo a value cut short, or only its start), replaced by ***. A secret shorter than
     * {@code fragment} is masked only whole. For short texts such as error messages: quadratic in length.
     */
    public static String maskFragments(String text, String secret, int fragment) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        int min = Math.min(fragment, secret.length());
        boolean[] hidden = new boolean[text.length()];
        for (int i = 0; i < text.length(); i++) {
            for (int j = 0; j < secret.length(); j++) {
                int n = 0;
                while (i + n < text.length() && j + n < secret.length() && text.charAt(i + n) == secret.charAt(j + n)) {
                    n++;
                }
                if (n >= min) {
                    java.util.Arrays.fill(hidden, i, i + n, true);
                }
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hidden[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                out.append("***");
            }
        }
        return out.toString();
    }
}
