package io.osmigrate.maps;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.osmigrate.plan.AnonymizedAttribute;
import io.osmigrate.spec.AnonymizeMethod;
import io.osmigrate.spec.AnonymizeRule;

/**
 * The values anonymised attributes get: each derived from an HMAC-SHA256, keyed with the configured secret, of the
 * method's name and the source value alone, so the same value gives the same result in every run, row, entity and
 * attribute anonymised with the same method (values that join still join), and nobody without the key can tell
 * which value gave it. An empty value stays empty (except under {@code fixed}). Results fit the destination column;
 * where the destination has a unique index on it, the results of distinct values are distinct with overwhelming
 * probability (64 bits or more of the HMAC in each; a name gets a 16-digit suffix). The key is never logged or
 * shown. Thread-safe.
 */
public final class Pseudonyms {

    private static final List<String> FIRST = List.of("Ada", "Alan", "Alice", "Amir", "Ana", "Ben", "Carla", "Chen",
            "Dara", "David", "Elena", "Emma", "Farid", "Grace", "Hugo", "Ines", "Ivan", "Jonas", "Julia", "Kofi", "Lara",
            "Liam", "Maya", "Mateo", "Nadia", "Noah", "Olga", "Omar", "Priya", "Rui", "Sara", "Tomas");
    private static final List<String> LAST = List.of("Almeida", "Baker", "Costa", "Dubois", "Evans", "Fischer", "Garcia",
            "Hansen", "Ito", "Jansen", "Kim", "Lopez", "Moreau", "Novak", "Okafor", "Patel", "Quinn", "Rossi", "Silva",
            "Tanaka", "Umar", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Berg", "Cruz", "Diaz", "Ferreira", "Nolan", "Sato");
    private static final String DOMAIN = "@example.com";

    private final ThreadLocal<Mac> mac;

    public Pseudonyms(String key) {
        byte[] secret = key.getBytes(StandardCharsets.UTF_8);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(secret, "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
            }
        });
    }

    /**
     * The anonymised value of a source value.
     *
     * @param fixed the {@code fixed} value already typed for the column (unused by the other methods)
     */
    public Object apply(AnonymizedAttribute attribute, Object value, Object fixed) {
        AnonymizeRule rule = attribute.rule();
        if (rule.method() == AnonymizeMethod.FIXED) {
            return fixed;
        }
        if (value == null || rule.method() == AnonymizeMethod.EMPTY) {
            return null;
        }
        if (value instanceof String s && s.isBlank()) {
            return s;
        }
        return switch (rule.method()) {
            case NAME -> name(value.toString(), attribute.length(), attribute.unique());
            case EMAIL -> email(value.toString(), attribute.length());
            case PHONE -> shape(AnonymizeMethod.PHONE, value.toString(), false);
            case TEXT -> shape(AnonymizeMethod.TEXT, value.toString(), true);
            case HASH -> hex(bytes(AnonymizeMethod.HASH, value.toString(), 32), attribute.length() > 0 ? Math.min(64, attribute.length()) : 64);
            case DATE_SHIFT -> shift(value, rule.days());
            case NUMBER_RANGE -> number(value, rule.min(), rule.max());
            case EMPTY, FIXED -> throw new IllegalStateException("handled above");
        };
    }

    String name(String value, int length, boolean unique) {
        byte[] h = bytes(AnonymizeMethod.NAME, value, 32);
        String name = FIRST.get((h[0] & 0xff) % FIRST.size()) + " " + LAST.get((h[1] & 0xff) % LAST.size());
        if (!unique) {
            return length > 0 && name.length() > length ? name.substring(0, length) : name;
        }
        String suffix = " " + hex(h, 32).substring(4, 20);
        return (length > 0 && name.length() + suffix.length() > length ? name.substring(0, length - suffix.length()) : name) + suffix;
    }

    String email(String value, int length) {
        // addresses compare without case: one pseudonym for every spelling
        byte[] h = bytes(AnonymizeMethod.EMAIL, value.trim().toLowerCase(Locale.ROOT), 32);
        int digits = length > 0 ? Math.min(16, length - DOMAIN.length() - "user.".length()) : 16;
        return "user." + hex(h, digits) + DOMAIN;
    }

    /** Letters (with {@code letters}) and digits replaced one for one by ones of their kind and case; the rest kept. */
    String shape(AnonymizeMethod method, String value, boolean letters) {
        byte[] h = bytes(method, value, value.length());
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int r = h[i] & 0xff;
            if (c >= '0' && c <= '9') {
                out.append((char) ('0' + r % 10));
            } else if (letters && Character.isUpperCase(c)) {
                out.append((char) ('A' + r % 26));
            } else if (letters && Character.isLetter(c)) {
                out.append((char) ('a' + r % 26));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    Object shift(Object value, int days) {
        byte[] h = bytes(AnonymizeMethod.DATE_SHIFT, value.toString(), 32);
        long by = 1 + Long.remainderUnsigned(unsigned(h), days);
        long signed = (h[8] & 1) == 0 ? by : -by;
        if (value instanceof LocalDateTime t) {
            return t.plusDays(signed);
        }
        if (value instanceof LocalDate d) {
            return d.plusDays(signed);
        }
        throw new IllegalStateException("dateShift on a " + value.getClass().getSimpleName());
    }

    Object number(Object value, BigDecimal min, BigDecimal max) {
        byte[] h = bytes(AnonymizeMethod.NUMBER_RANGE, value instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString()
                : value.toString(), 32);
        BigInteger u = new BigInteger(1, java.util.Arrays.copyOf(h, 8));
        if (value instanceof Integer || value instanceof Long) {
            BigInteger span = max.toBigInteger().subtract(min.toBigInteger()).add(BigInteger.ONE);
            long n = min.toBigInteger().add(u.mod(span)).longValueExact();
            return value instanceof Integer ? (Object) (int) n : (Object) n;
        }
        BigDecimal fraction = new BigDecimal(u).divide(new BigDecimal(BigInteger.ONE.shiftLeft(64)), 18, RoundingMode.DOWN);
        BigDecimal n = min.add(max.subtract(min).multiply(fraction));
        if (value instanceof Double) {
            return n.doubleValue();
        }
        int scale = value instanceof BigDecimal b ? Math.max(b.scale(), 0) : 2;
        return n.setScale(scale, RoundingMode.DOWN).max(min.setScale(scale, RoundingMode.UP));
    }

    /** At least {@code count} bytes of HMAC over the method and the value, block by block. */
    private byte[] bytes(AnonymizeMethod method, String value, int count) {
        Mac m = mac.get();
        byte[] out = new byte[Math.max(count, 32)];
        for (int block = 0, at = 0; at < out.length; block++, at += 32) {
            byte[] h = m.doFinal((method.wire() + "\0" + block + "\0" + value).getBytes(StandardCharsets.UTF_8));
            System.arraycopy(h, 0, out, at, Math.min(32, out.length - at));
        }
        return out;
    }

    private static long unsigned(byte[] h) {
        long n = 0;
        for (int i = 0; i < 8; i++) {
            n = (n << 8) | (h[i] & 0xff);
        }
        return n;
    }

    private static String hex(byte[] h, int digits) {
        return HexFormat.of().formatHex(h).substring(0, digits);
    }
}
