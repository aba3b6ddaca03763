package io.osmigrate.pipeline;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a row's values are when two rows are compared, and a 64-bit hash of a whole row over those forms. Values
 * that mean the same compare equal whichever JDBC class carries them: numbers by value ({@code 12.50} as a
 * BigDecimal, {@code 12.5} as a Double and {@code 12} as an Integer or a Long are numbers; trailing zeros do not
 * count), a boolean as the number 1 or 0 (SQL Server's BIT; integers elsewhere), dates, times and timestamps by
 * their java.time value ({@code java.sql} types converted), binary by content, text as it is. Null is its own
 * value: it never equals the empty text, nor 0. Stateless.
 *
 * <p>The hash is FNV-1a over a tagged, length-prefixed encoding of each value, finished with a 64-bit mix. FNV-1a's
 * step (xor a byte, multiply by an odd prime) is a bijection of the state, so two rows whose encodings have the same
 * length and differ in one place never hash equal; other differences collide with a chance of about 2<sup>-64</sup>.
 */
final class RowDigest {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int SHOWN_CHARS = 200;
    private static final int SHOWN_BYTES = 32;

    /** The kinds of normal forms; a tag starts each value's encoding, so a text "1" is not the number 1. */
    private static final byte NULL = 0;
    private static final byte NUMBER = 1;
    private static final byte TEXT = 2;
    private static final byte DATE = 3;
    private static final byte TIME = 4;
    private static final byte TIMESTAMP = 5;
    private static final byte BINARY = 6;
    private static final byte OTHER = 7;

    private RowDigest() {
    }

    /** The hash of a row's values, in order. */
    static long of(Object[] values) {
        long h = OFFSET;
        for (Object v : values) {
            h = value(h, normal(v));
        }
        return mix(h);
    }

    /** Whether two values are the same value, as {@link #of} sees them. */
    static boolean same(Object a, Object b) {
        Object x = normal(a);
        Object y = normal(b);
        if (x instanceof byte[] p && y instanceof byte[] q) {
            return Arrays.equals(p, q);
        }
        return x == null ? y == null : x.equals(y);
    }

    /**
     * A value for a person: text as it is (cut after 200 characters), numbers in plain notation, dates as ISO
     * text, binary as the hex of its first 32 bytes and its length; null stays null.
     */
    static String shown(Object value) {
        Object v = normal(value);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] b) {
            String hex = HexFormat.of().formatHex(b, 0, Math.min(b.length, SHOWN_BYTES));
            return "0x" + hex + (b.length > SHOWN_BYTES ? "…" : "") + " (" + b.length + " bytes)";
        }
        String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        return s.length() > SHOWN_CHARS ? s.substring(0, SHOWN_CHARS) + "…" : s;
    }

    /** The normal form: BigDecimal without trailing zeros, String, LocalDate, LocalTime, LocalDateTime, byte[], or null. */
    static Object normal(Object v) {
        if (v == null || v instanceof String || v instanceof byte[]) {
            return v;
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof Number n) {
            return number(n);
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (v instanceof OffsetDateTime o) {
            return o.toLocalDateTime();
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        return v;
    }

    /** A number by its value; a double that is not finite keeps its own form. */
    private static Object number(Number n) {
        BigDecimal d;
        if (n instanceof BigDecimal b) {
            d = b;
        } else if (n instanceof BigInteger i) {
            d = new BigDecimal(i);
        } else if (n instanceof Double || n instanceof Float) {
            double x = n.doubleValue();
            if (!Double.isFinite(x)) {
                return Double.toString(x);
            }
            // through its shortest text, so 0.1f is 0.1 and not the binary fraction nearest to it
            d = new BigDecimal(n instanceof Float f ? Float.toString(f) : Double.toString(x));
        } else {
            d = BigDecimal.valueOf(n.longValue());
        }
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    private static long value(long h, Object v) {
        if (v == null) {
            return step(h, NULL);
        }
        if (v instanceof byte[] b) {
            h = length(step(h, BINARY), b.length);
            for (byte x : b) {
                h = step(h, x);
            }
            return h;
        }
        String s = v instanceof BigDecimal d ? d.toString() : v.toString();
        h = length(step(h, tag(v)), s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h = step(step(h, (byte) (c >>> 8)), (byte) c);
        }
        return h;
    }

    private static byte tag(Object v) {
        if (v instanceof BigDecimal) {
            return NUMBER;
        }
        if (v instanceof String) {
            return TEXT;
        }
        if (v instanceof LocalDate) {
            return DATE;
        }
        if (v instanceof LocalTime) {
            return TIME;
        }
        if (v instanceof LocalDateTime) {
            return TIMESTAMP;
        }
        return v instanceof TemporalAccessor ? TIMESTAMP : OTHER;
    }

    private static long length(long h, int n) {
        return step(step(step(step(h, (byte) (n >>> 24)), (byte) (n >>> 16)), (byte) (n >>> 8)), (byte) n);
    }

    private static long step(long h, byte b) {
        return (h ^ (b & 0xff)) * PRIME;
    }

    /** The murmur3 finaliser: spreads every bit of the state over the whole hash. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb53e1a85ec43L;
        return h ^ (h >>> 33);
    }
}
