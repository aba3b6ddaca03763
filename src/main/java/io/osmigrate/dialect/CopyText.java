package io.osmigrate.dialect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's {@code COPY … FROM STDIN} text format, encoded straight into a reusable UTF-8 byte
 * buffer: {@code \N} for null, backslash escapes for backslash, tab, newline and carriage return, bytea as
 * {@code \\x<hex>}, booleans as {@code t}/{@code f}, dates and times in ISO form. Writing bytes directly,
 * rather than building a String and encoding it, keeps the write path's client cost per row small (it runs
 * for every row osmigrate inserts into PostgreSQL). Not thread-safe: one per writer.
 */
public final class CopyText {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int initialCapacity;
    private byte[] buf;
    private int len;
    private boolean rowStarted;

    public CopyText(int initialCapacity) {
        this.initialCapacity = Math.max(initialCapacity, 64);
        this.buf = new byte[this.initialCapacity];
    }

    /** Appends one column value to the current row (a tab first, unless it is the row's first value). */
    public CopyText value(Object value) {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (value instanceof String s) {
            text(s);
        } else if (value instanceof Long l) {
            ascii(Long.toString(l));
        } else if (value instanceof Integer i) {
            ascii(Integer.toString(i));
        } else if (value instanceof Boolean b) {
            put((byte) (b ? 't' : 'f'));
        } else if (value instanceof BigDecimal d) {
            ascii(d.toPlainString());
        } else if (value instanceof byte[] bytes) {
            binary(bytes);
        } else if (value instanceof LocalDateTime t) {
            ascii(t.toLocalDate().toString());
            put((byte) ' ');
            ascii(t.toLocalTime().toString());
        } else if (value instanceof LocalDate || value instanceof LocalTime || value instanceof Number) {
            ascii(value.toString());
        } else {
            text(value.toString());
        }
        return this;
    }

    /** Ends the current row. */
    public CopyText endRow() {
        put((byte) '\n');
        rowStarted = false;
        return this;
    }

    /** The encoded bytes so far: valid up to {@link #length()}; the array is reused after {@link #clear()}. */
    public byte[] buffer() {
        return buf;
    }

    public int length() {
        return len;
    }

    /** Empties the buffer; one that a very large value grew is given back, so a writer never holds it. */
    public void clear() {
        len = 0;
        rowStarted = false;
        if (buf.length > 4 * initialCapacity) {
            buf = new byte[initialCapacity];
        }
    }

    private void text(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escaped('\\');
                    case '\t' -> escaped('t');
                    case '\n' -> escaped('n');
                    case '\r' -> escaped('r');
                    default -> put((byte) c);
                }
            } else if (c < 0x800) {
                put((byte) (0xC0 | (c >> 6)));
                put((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                put((byte) (0xF0 | (cp >> 18)));
                put((byte) (0x80 | ((cp >> 12) & 0x3F)));
                put((byte) (0x80 | ((cp >> 6) & 0x3F)));
                put((byte) (0x80 | (cp & 0x3F)));
            } else if (Character.isSurrogate(c)) {
                put((byte) '?'); // a lone surrogate has no UTF-8 form; String.getBytes writes '?' too
            } else {
                put((byte) (0xE0 | (c >> 12)));
                put((byte) (0x80 | ((c >> 6) & 0x3F)));
                put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    private void escaped(char c) {
        put((byte) '\\');
        put((byte) c);
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void binary(byte[] bytes) {
        ensure(3 + bytes.length * 2);
        buf[len++] = '\\';
        buf[len++] = '\\';
        buf[len++] = 'x';
        for (byte b : bytes) {
            buf[len++] = HEX[(b >> 4) & 0xF];
            buf[len++] = HEX[b & 0xF];
        }
    }

    private void put(byte b) {
        if (len == buf.length) {
            ensure(1);
        }
        buf[len++] = b;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
