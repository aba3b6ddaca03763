package io.osmigrate.users;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deterministic pseudonyms for the personal attributes of a user: the same input gives the same output on
 * every run and every machine (given the same key), so re-runs find the users an earlier run created.
 *
 * <p>Scheme: HMAC-SHA256 keyed with {@code users.anonymizeKey} (or a fixed built-in key), over
 * {@code "<attribute>\0<value>"}. Usernames and e-mails are lower-cased first (they compare
 * case-insensitively) and share one derivation, so a username that is an e-mail address and the same
 * e-mail give the same pseudonym. Outputs:
 * <ul>
 *   <li>username: {@code user-<12 hex>}, plus {@code @anonymized.invalid} when the original has an {@code @};</li>
 *   <li>email: {@code user-<12 hex>@anonymized.invalid};</li>
 *   <li>name: {@code User <8 HEX>};</li>
 *   <li>mobile phone: {@code +000 } and 9 digits; an empty value stays empty.</li>
 * </ul>
 * {@code EXTERNAL_ID} is never changed: it is the match key of anonymised runs ({@code matchBy: external-id}).
 * The key is never logged or shown. Thread-safe (a new {@link Mac} per call).
 */
public final class Anonymizer {

    /** The key used when a spec gives none: deterministic, but not secret. */
    static final String DEFAULT_KEY = "osmigrate/users/anonymize/v1";
    private static final String DOMAIN = "@anonymized.invalid";

    private final byte[] key;

    public Anonymizer(String key) {
        this.key = (key == null ? DEFAULT_KEY : key).getBytes(StandardCharsets.UTF_8);
    }

    public String username(String username) {
        if (username == null) {
            return null;
        }
        return address(username) + (username.contains("@") ? DOMAIN : "");
    }

    public String email(String email) {
        return email == null || email.isBlank() ? email : address(email) + DOMAIN;
    }

    public String name(String name) {
        return name == null || name.isBlank() ? name : "User " + hex("name", name.trim()).substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public String mobilePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        long n = Long.parseUnsignedLong(hex("phone", digits.isEmpty() ? phone.trim() : digits).substring(0, 15), 16);
        return String.format(Locale.ROOT, "+000 %09d", n % 1_000_000_000L);
    }

    /** The values a destination user gets for a source user: pseudonyms, except the external id. */
    public UserRecord apply(UserRecord u) {
        return new UserRecord(u.id(), u.tenantId(), username(u.username()), name(u.name()), email(u.email()),
                mobilePhone(u.mobilePhone()), u.externalId(), u.password(), u.creationDate(), u.lastLogin(), u.active());
    }

    private String address(String value) {
        return "user-" + hex("address", value.trim().toLowerCase(Locale.ROOT)).substring(0, 12);
    }

    private String hex(String attribute, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((attribute + "\0" + value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Anonymizer[key hidden]";
    }
}
