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
}
