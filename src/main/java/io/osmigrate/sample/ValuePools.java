package io.osmigrate.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Realistic values, fast. Datafaker fills small pools once per seed; rows then pick from the pools with
 * their own random, because calling Faker per row would dominate the time of a million-row load. A few
 * pool entries carry non-ASCII characters (é, ü, 漢) and long texts carry tabs, newlines, carriage
 * returns and backslashes, so every encoder on the way has to survive them.
 */
final class ValuePools {

    private static final int POOL = 500;
    private static final LocalDateTime EPOCH = LocalDateTime.of(2015, 1, 1, 0, 0);
    private static final String[] SEPARATORS = {" ", " ", " ", " ", " ", " ", " ", "\n", "\t", " \\ ", "\r\n", "\n\n"};

    private final String[] firstNames;
    private final String[] lastNames;
    private final String[] asciiFirst;
    private final String[] asciiLast;
    private final String[] streets;
    private final String[] cities;
    private final String[] countries;
    private final String[] products;
    private final String[] departments;
    private final String[] sentences;

    ValuePools(long seed) {
        Faker faker = new Faker(Locale.ENGLISH, new Random(seed));
        asciiFirst = pool(() -> ascii(faker.name().firstName()), false);
        asciiLast = pool(() -> ascii(faker.name().lastName()), false);
        firstNames = decorated(asciiFirst);
        lastNames = decorated(asciiLast);
        streets = pool(() -> faker.address().streetAddress(), true);
        cities = pool(() -> faker.address().city(), true);
        countries = pool(() -> faker.address().country(), true);
        products = pool(() -> faker.commerce().productName(), true);
        departments = pool(() -> faker.commerce().department(), true);
        sentences = pool(() -> faker.lorem().sentence(6, 8), true);
    }

    String displayName(SplittableRandom r) {
        return firstNames[r.nextInt(POOL)] + " " + lastNames[r.nextInt(POOL)];
    }

    /** {@code first.last} in lower-case ASCII, for usernames and e-mail addresses. */
    String handle(SplittableRandom r) {
        return asciiFirst[r.nextInt(POOL)].toLowerCase(Locale.ROOT) + "." + asciiLast[r.nextInt(POOL)].toLowerCase(Locale.ROOT);
    }

    String street(SplittableRandom r) {
        return cut(streets[r.nextInt(POOL)], 200);
    }

    String city(SplittableRandom r) {
        return cut(cities[r.nextInt(POOL)], 100);
    }

    String country(SplittableRandom r) {
        return cut(countries[r.nextInt(POOL)], 50);
    }

    String product(SplittableRandom r) {
        return cut(products[r.nextInt(POOL)], 80);
    }

    String department(SplittableRandom r) {
        return cut(departments[r.nextInt(POOL)], 35);
    }

    /** One-line text of at most {@code max} characters. */
    String text(SplittableRandom r, int max) {
        StringBuilder b = new StringBuilder(sentences[r.nextInt(POOL)]);
        int more = r.nextInt(3);
        for (int i = 0; i < more && b.length() < max; i++) {
            b.append(' ').append(sentences[r.nextInt(POOL)]);
        }
        return cut(b.toString(), max);
    }

    /** Multi-line text with awkward separators, at most {@code max} characters. */
    String longText(SplittableRandom r, int max) {
        StringBuilder b = new StringBuilder(sentences[r.nextInt(POOL)]);
        int count = 1 + r.nextInt(6);
        for (int i = 0; i < count && b.length() < max; i++) {
            b.append(SEPARATORS[r.nextInt(SEPARATORS.length)]).append(sentences[r.nextInt(POOL)]);
        }
        return cut(b.toString(), max);
    }

    /**
     * Whether an optional value stays NULL: with {@code percent}% probability, and always on rows 3, 53,
     * 103… so even a 10-row table has NULLs in every optional attribute, whatever the seed. Draws exactly
     * one random either way, so the rest of the row does not shift.
     */
    static boolean omit(SplittableRandom r, long row, int percent) {
        return r.nextInt(100) < percent | row % 50 == 3;
    }

    static String phone(SplittableRandom r) {
        return "+1 555 " + (1000000 + r.nextInt(9000000));
    }

    static byte[] bytes(SplittableRandom r, int min, int max) {
        byte[] b = new byte[min + r.nextInt(max - min + 1)];
        r.nextBytes(b);
        return b;
    }

    /** A non-negative amount below {@code maxUnits} with all 8 decimal places used. */
    static BigDecimal amount8(SplittableRandom r, long maxUnits) {
        return BigDecimal.valueOf(r.nextLong(maxUnits * 100_000_000L), 8);
    }

    static LocalDateTime dateTime(SplittableRandom r) {
        return EPOCH.plusSeconds(r.nextLong(10L * 365 * 24 * 3600));
    }

    static LocalDate birthDate(SplittableRandom r) {
        return LocalDate.of(1940, 1, 1).plusDays(r.nextInt(60 * 365));
    }

    static LocalTime time(SplittableRandom r) {
        return LocalTime.ofSecondOfDay(r.nextInt(24 * 3600));
    }

    /** Zero-padded decimal, without String.format (it costs more than the rest of a row). */
    static String padded(String prefix, long value, int width) {
        String digits = Long.toString(value);
        StringBuilder b = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    private static String[] pool(Supplier<String> source, boolean decorate) {
        String[] values = new String[POOL];
        for (int i = 0; i < POOL; i++) {
            values[i] = decorate ? decorate(source.get(), i) : source.get();
        }
        return values;
    }

    private static String[] decorated(String[] plain) {
        String[] values = new String[plain.length];
        for (int i = 0; i < plain.length; i++) {
            values[i] = decorate(plain[i], i);
        }
        return values;
    }

    /** Every 20th entry gets an é, ü or 漢, so non-ASCII text is common but not everywhere. */
    private static String decorate(String s, int index) {
        switch (index % 20) {
            case 3:
                return s.indexOf('e') >= 0 ? s.replaceFirst("e", "é") : s + "é";
            case 9:
                return s.indexOf('u') >= 0 ? s.replaceFirst("u", "ü") : s + "ü";
            case 15:
                return s + " 漢";
            default:
                return s;
        }
    }

    private static String ascii(String s) {
        String letters = s.replaceAll("[^A-Za-z]", "");
        return letters.isEmpty() ? "Alex" : letters;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
