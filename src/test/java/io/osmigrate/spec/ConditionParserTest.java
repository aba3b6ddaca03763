package io.osmigrate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionParserTest {

    private static Condition.Sql sql(String where) {
        return ConditionParser.parse(where).toSql(a -> "\"" + a.toUpperCase() + "\"");
    }

    @Test
    void literalsBecomeBindParametersOfTheirType() {
        Condition.Sql s = sql("CreatedOn >= #2025-01-01# and Total < 10.5 AND Quantity <> -3 AND IsVip = true"
                + " AND PlacedOn < #2025-02-03 10:30:00# AND Name = 'O''Brien'");
        assertThat(s.text()).isEqualTo("(\"CREATEDON\" >= ?) AND (\"TOTAL\" < ?) AND (\"QUANTITY\" <> ?) AND (\"ISVIP\" = ?)"
                + " AND (\"PLACEDON\" < ?) AND (\"NAME\" = ?)");
        assertThat(s.binds()).containsExactly(LocalDate.of(2025, 1, 1), new BigDecimal("10.5"), -3L, true,
                LocalDateTime.of(2025, 2, 3, 10, 30), "O'Brien");
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        assertThat(sql("A = 1 OR B = 2 AND NOT C IS NULL").text())
                .isEqualTo("(\"A\" = ?) OR ((\"B\" = ?) AND (NOT (\"C\" IS NULL)))");
        assertThat(sql("(A = 1 OR B = 2) AND C IS NOT NULL").text())
                .isEqualTo("((\"A\" = ?) OR (\"B\" = ?)) AND (\"C\" IS NOT NULL)");
    }

    @Test
    void inListsAndConstants() {
        Condition.Sql s = sql("Status NOT IN ('A', 'B') or Kind in (1, 2, 3)");
        assertThat(s.text()).isEqualTo("(\"STATUS\" NOT IN (?, ?)) OR (\"KIND\" IN (?, ?, ?))");
        assertThat(s.binds()).containsExactly("A", "B", 1L, 2L, 3L);
        assertThat(sql("FALSE").text()).isEqualTo("1 = 0");
        assertThat(ConditionParser.parse("A = 1 AND b != 'x' OR C IS NULL").attributes()).containsExactly("A", "b", "C");
    }

    @Test
    void textThatLooksLikeSqlStaysALiteral() {
        Condition.Sql s = sql("Name = 'x''; DROP TABLE T; --'");
        assertThat(s.text()).isEqualTo("\"NAME\" = ?");
        assertThat(s.binds()).isEqualTo(List.of("x'; DROP TABLE T; --"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Name = 'x'; DROP TABLE T", "Name = 'x' -- comment", "1 = 1", "Name = Other",
            "Name = 'x' OR 1=1", "lower(Name) = 'x'", "Name = 'x' /* c */", "Name = 'open", "CreatedOn > #2025-13-01#",
            "Name IN ()", "Name", "", "Name = 'x' UNION SELECT 1", "Id = 0x1F", "Name IS 'x'", "A = 1 AND"})
    void anythingOutsideTheGrammarIsRefused(String where) {
        assertThatThrownBy(() -> ConditionParser.parse(where)).isInstanceOf(ConditionParser.Invalid.class)
                .hasMessageNotContaining("DROP");
    }

    @Test
    void anErrorSaysWhereAndWhat() {
        assertThatThrownBy(() -> ConditionParser.parse("Total > 5; DELETE FROM X"))
                .hasMessage("unexpected ';' at position 10; expected AND, OR or the end");
    }
}
