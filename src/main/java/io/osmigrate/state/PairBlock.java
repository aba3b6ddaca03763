package io.osmigrate.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The (source id → destination id) pairs of one written batch, sorted by source id, with the kind
 * of each pair. Ids are {@link Long} or {@link String}. A side whose ids are all numbers is kept as a
 * {@code long[]} (8 bytes an id instead of a boxed Long's 20): blocks are what the key-map cache holds,
 * so this is most of osmigrate's memory. Immutable and thread-safe; lookups are binary searches.
 */
public final class PairBlock {

    /** How a pair came to be. */
    public enum Kind {
        /** osmigrate inserted the destination row. */
        INSERTED('I'),
        /** The destination row already existed and was matched by its unique key (match-existing). */
        MATCHED('M'),
        /** A lookup entity's row, matched by the spec's match attributes. */
        LOOKUP('L');

        final char code;

        Kind(char code) {
            this.code = code;
        }

        static Kind of(char code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown pair kind " + code);
        }
    }

    /** One pair. */
    public record Pair(Object source, Object destination, Kind kind) {
    }

    private static final Comparator<Object> ID_ORDER = PairBlock::compareIds;

    /** One side's ids: numbers packed when every id is a number, else as they are. */
    private static final class Ids {
        private final long[] numbers;
        private final Object[] objects;

        private Ids(Object[] ids) {
            boolean numeric = Arrays.stream(ids).allMatch(id -> id instanceof Long);
            this.numbers = numeric ? Arrays.stream(ids).mapToLong(id -> (Long) id).toArray() : null;
            this.objects = numeric ? null : ids;
        }

        int size() {
            return numbers != null ? numbers.length : objects.length;
        }

        Object get(int i) {
            return numbers != null ? (Object) numbers[i] : objects[i];
        }

        /** Index of a sorted side's id, or negative. */
        int search(Object id) {
            if (numbers != null) {
                return id instanceof Long l ? Arrays.binarySearch(numbers, l) : -1;
            }
            if (objects.length > 0 && objects[0] instanceof String && !(id instanceof String)) {
                return -1;
            }
            return Arrays.binarySearch(objects, id, ID_ORDER);
        }
    }

    private final Ids sources;
    private final Ids destinations;
    private final byte[] kinds;

    private PairBlock(Object[] sources, Object[] destinations, byte[] kinds) {
        this.sources = new Ids(sources);
        this.destinations = new Ids(destinations);
        this.kinds = kinds;
    }

    /** Sorts the pairs by source id; a source id given twice keeps its first pair. */
    public static PairBlock of(List<Pair> pairs) {
        List<Pair> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparing(Pair::source, ID_ORDER));
        List<Pair> unique = new ArrayList<>(sorted.size());
        for (Pair p : sorted) {
            if (unique.isEmpty() || compareIds(unique.get(unique.size() - 1).source(), p.source()) != 0) {
                unique.add(p);
            }
        }
        Object[] s = new Object[unique.size()];
        Object[] d = new Object[unique.size()];
        byte[] k = new byte[unique.size()];
        for (int i = 0; i < unique.size(); i++) {
            s[i] = unique.get(i).source();
            d[i] = unique.get(i).destination();
            k[i] = (byte) unique.get(i).kind().code;
        }
        return new PairBlock(s, d, k);
    }

    /** The destination id of a source id, or null. */
    public Object find(Object sourceId) {
        int i = sources.search(sourceId);
        return i >= 0 ? destinations.get(i) : null;
    }

    public int size() {
        return sources.size();
    }

    public boolean isEmpty() {
        return sources.size() == 0;
    }

    public Object minSource() {
        return sources.get(0);
    }

    public Object maxSource() {
        return sources.get(sources.size() - 1);
    }

    public List<Pair> pairs() {
        List<Pair> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(new Pair(sources.get(i), destinations.get(i), Kind.of((char) kinds[i])));
        }
        return out;
    }

    public List<Object> destinationIds() {
        List<Object> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(destinations.get(i));
        }
        return out;
    }

    /** Long ids order numerically, text ids by Java's string order; mixing the two is a programming error. */
    public static int compareIds(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        throw new IllegalArgumentException("ids of different kinds: " + a + " and " + b);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size() * 19 + 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(size());
            for (int i = 0; i < size(); i++) {
                writeId(out, sources.get(i));
                writeId(out, destinations.get(i));
                out.writeByte(kinds[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static PairBlock decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int n = in.readInt();
            Object[] s = new Object[n];
            Object[] d = new Object[n];
            byte[] k = new byte[n];
            for (int i = 0; i < n; i++) {
                s[i] = readId(in);
                d[i] = readId(in);
                k[i] = in.readByte();
            }
            return new PairBlock(s, d, k);
        } catch (IOException e) {
            throw new UncheckedIOException("a key-map batch is corrupt", e);
        }
    }

    private static void writeId(DataOutputStream out, Object id) throws IOException {
        if (id instanceof Long l) {
            out.writeByte('N');
            out.writeLong(l);
        } else {
            out.writeByte('T');
            out.writeUTF(id.toString());
        }
    }

    private static Object readId(DataInputStream in) throws IOException {
        return in.readByte() == 'N' ? (Object) in.readLong() : in.readUTF();
    }

    /** The text form of an id, as kept in MIN_SOURCE/MAX_SOURCE and dead letters. */
    static String text(Object id) {
        return id instanceof Long l ? "N" + l : "T" + id;
    }

    static Object parse(String text) {
        return text.charAt(0) == 'N' ? (Object) Long.parseLong(text.substring(1)) : text.substring(1);
    }
}
