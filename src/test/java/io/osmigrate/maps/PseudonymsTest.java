package io.osmigrate.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.osmigrate.plan.AnonymizedAttribute;
import io.osmigrate.plan.EntityRef;
import io.osmigrate.spec.AnonymizeMethod;
import io.osmigrate.spec.AnonymizeRule;

class PseudonymsTest {

    private static final String KEY = "a-test-key-of-some-length";
    private final Pseudonyms p = new Pseudonyms(KEY);

    private static AnonymizedAttribute attribute(AnonymizeRule rule, int length, boolean unique) {
        return new AnonymizedAttribute(new EntityRef("M", "E", "k", "e"), "A", "A", rule, length, unique);
    }

    private static AnonymizedAttribute attribute(AnonymizeMethod method, int length, boolean unique) {
        return attribute(AnonymizeRule.of(method), length, unique);
    }

    @Test
    void theSameValueGivesTheSameResultInAnyAttributeAndAnotherKeyAnother() {
        Object a = p.apply(attribute(AnonymizeMethod.TEXT, 100, false), "Ana Silva", null);
        Object b = new Pseudonyms(KEY).apply(attribute(AnonymizeMethod.TEXT, 50, true), "Ana Silva", null);
        Object other = new Pseudonyms("another-key-of-some-length").apply(attribute(AnonymizeMethod.TEXT, 100, false), "Ana Silva", null);
        assertThat(a).isEqualTo(b).isNotEqualTo("Ana Silva").isNotEqualTo(other);
    }

    @Test
    void nameIsAFirstAndLastNameAndUniqueOnesCarryASuffixThatFits() {
        String name = (String) p.apply(attribute(AnonymizeMethod.NAME, 80, false), "Alice Jones", null);
        assertThat(name).matches("[A-Z][a-z]+ [A-Z][a-z]+").isNotEqualTo("Alice Jones");
        String unique = (String) p.apply(attribute(AnonymizeMethod.NAME, 20, true), "Alice Jones", null);
        assertThat(unique).hasSizeLessThanOrEqualTo(20).matches(".* [0-9a-f]{16}");
        assertThat((String) p.apply(attribute(AnonymizeMethod.NAME, 6, false), "Alice Jones", null)).hasSize(6);
    }

    @Test
    void emailStaysAnEmailThatFitsWhateverTheCaseOfTheSource() {
        String email = (String) p.apply(attribute(AnonymizeMethod.EMAIL, 250, true), "Ana.Silva@Corp.example", null);
        assertThat(email).matches("user\\.[0-9a-f]{16}@example\\.com");
        assertThat(p.apply(attribute(AnonymizeMethod.EMAIL, 250, true), "ana.silva@corp.example", null)).isEqualTo(email);
        assertThat((String) p.apply(attribute(AnonymizeMethod.EMAIL, 24, true), "ana.silva@corp.example", null))
                .hasSize(24).matches("user\\.[0-9a-f]{7}@example\\.com");
    }

    @Test
    void phoneAndTextKeepTheirShape() {
        String phone = (String) p.apply(attribute(AnonymizeMethod.PHONE, 20, false), "+351 912-345 678", null);
        assertThat(phone).matches("\\+\\d{3} \\d{3}-\\d{3} \\d{3}").isNotEqualTo("+351 912-345 678");
        String text = (String) p.apply(attribute(AnonymizeMethod.TEXT, 30, false), "Rua Augusta 12, Lisboa", null);
        assertThat(text).hasSize(22).matches("[A-Z][a-z]{2} [A-Z][a-z]{6} \\d{2}, [A-Z][a-z]{5}");
    }

    @Test
    void hashIsHexAsLongAsTheColumnAllows() {
        assertThat((String) p.apply(attribute(AnonymizeMethod.HASH, 10, true), "X-1", null)).matches("[0-9a-f]{10}");
        assertThat((String) p.apply(attribute(AnonymizeMethod.HASH, 0, true), "X-1", null)).matches("[0-9a-f]{64}");
    }

    @Test
    void dateShiftMovesWithinTheDaysAndNeverByNone() {
        AnonymizedAttribute a = attribute(new AnonymizeRule(AnonymizeMethod.DATE_SHIFT, 30, null, null, null), 0, false);
        for (int i = 0; i < 200; i++) {
            LocalDate d = LocalDate.of(2024, 1, 1).plusDays(i);
            long by = ChronoUnit.DAYS.between(d, (LocalDate) p.apply(a, d, null));
            assertThat(Math.abs(by)).isBetween(1L, 30L);
        }
        LocalDateTime t = LocalDateTime.of(2025, 3, 4, 10, 30, 15);
        LocalDateTime shifted = (LocalDateTime) p.apply(a, t, null);
        assertThat(shifted.toLocalTime()).isEqualTo(t.toLocalTime());
        assertThat(shifted).isNotEqualTo(t);
    }

    @Test
    void numberRangeStaysInTheBoundsAndKeepsTheType() {
        AnonymizedAttribute a = attribute(new AnonymizeRule(AnonymizeMethod.NUMBER_RANGE, null, new BigDecimal("10"),
                new BigDecimal("20"), null), 0, false);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Object n = p.apply(a, i, null);
            assertThat(n).isInstanceOf(Integer.class);
            assertThat((Integer) n).isBetween(10, 20);
            seen.add(n);
            BigDecimal d = (BigDecimal) p.apply(a, new BigDecimal(i + ".25"), null);
            assertThat(d.scale()).isEqualTo(2);
            assertThat(d).isBetween(new BigDecimal("10"), new BigDecimal("20"));
            assertThat((Long) p.apply(a, (long) i, null)).isBetween(10L, 20L);
        }
        assertThat(seen).hasSizeGreaterThan(5);
    }

    @Test
    void fixedFillsEveryRowEmptyEmptiesAndAnEmptyValueStaysEmpty() {
        AnonymizedAttribute fixed = attribute(new AnonymizeRule(AnonymizeMethod.FIXED, null, null, null, "n/a"), 10, false);
        assertThat(p.apply(fixed, "secret", "n/a")).isEqualTo("n/a");
        assertThat(p.apply(fixed, null, "n/a")).isEqualTo("n/a");
        assertThat(p.apply(attribute(AnonymizeMethod.EMPTY, 10, false), "secret", null)).isNull();
        assertThat(p.apply(attribute(AnonymizeMethod.EMAIL, 50, false), null, null)).isNull();
        assertThat(p.apply(attribute(AnonymizeMethod.NAME, 50, false), "", null)).isEqualTo("");
    }

    @Test
    void uniqueValuesStayDistinct() {
        Set<Object> emails = new HashSet<>();
        Set<Object> names = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            emails.add(p.apply(attribute(AnonymizeMethod.EMAIL, 30, true), "person" + i + "@corp.example", null));
            names.add(p.apply(attribute(AnonymizeMethod.NAME, 40, true), "Person " + i, null));
        }
        assertThat(emails).hasSize(20_000);
        assertThat(names).hasSize(20_000);
    }
}
