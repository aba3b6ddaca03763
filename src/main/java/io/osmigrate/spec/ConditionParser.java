package io.osmigrate.spec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a spec's {@code where} text into a {@link Condition}, by recursive descent over this grammar
 * (keywords in any case):
 *
 * <pre>
 * condition  := or
 * or         := and ( OR and )*
 * and        := unary ( AND unary )*
 * unary      := NOT unary | '(' condition ')' | TRUE | FALSE | test
 * test       := Attribute ( op literal | [NOT] IN '(' literal ( ',' literal )* ')' | IS [NOT] NULL )
 * op         := = | &lt;&gt; | != | &lt; | &lt;= | &gt; | &gt;=
 * literal    := number | 'text' ('' inside is a quote) | #yyyy-mm-dd# | #yyyy-mm-dd hh:mm[:ss]# | TRUE | FALSE
 * Attribute  := letter ( letter | digit | _ )*
 * </pre>
 *
 * Anything else (a semicolon, a comment, a function call, a second attribute in a comparison, a literal
 * on the left) is refused with its position: no text of a condition is ever spliced into SQL. Stateless.
 */
public final class ConditionParser {

    /** A condition that does not follow the grammar; the message says where and what is allowed. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private final String text;
    private int at;

    private ConditionParser(String text) {
        this.text = text;
    }

    public static Condition parse(String text) {
        ConditionParser p = new ConditionParser(text == null ? "" : text);
        p.skipSpace();
        if (p.at >= p.text.length()) {
            throw new Invalid("the condition is empty; write e.g. CreatedOn >= #2025-01-01#, or FALSE to keep only the"
                    + " rows other entities reach");
        }
        Condition c = p.or();
        p.skipSpace();
        if (p.at < p.text.length()) {
            throw p.unexpected("AND, OR or the end");
        }
        return c;
    }

    private Condition or() {
        List<Condition> parts = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>(List.of(unary()));
        while (keyword("AND")) {
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }

    private Condition unary() {
        if (keyword("NOT")) {
            return new Condition.Not(unary());
        }
        if (symbol("(")) {
            Condition inner = or();
            expect(")");
            return inner;
        }
        if (keyword("TRUE")) {
            return new Condition.Constant(true);
        }
        if (keyword("FALSE")) {
            return new Condition.Constant(false);
        }
        String attribute = name();
        if (keyword("IS")) {
            boolean negated = keyword("NOT");
            if (!keyword("NULL")) {
                throw unexpected("NULL");
            }
            return new Condition.IsNull(attribute, negated);
        }
        boolean negated = keyword("NOT");
        if (keyword("IN")) {
            expect("(");
            List<Object> values = new ArrayList<>(List.of(literal()));
            while (symbol(",")) {
                values.add(literal());
            }
            expect(")");
            return new Condition.In(attribute, values, negated);
        }
        if (negated) {
            throw unexpected("IN");
        }
        String op = operator();
        return new Condition.Compare(attribute, op, literal());
    }

    private String name() {
        skipSpace();
        int start = at;
        if (at < text.length() && Character.isLetter(text.charAt(at))) {
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
        }
        if (start == at) {
            throw unexpected("an attribute name, NOT, TRUE, FALSE or (");
        }
        return text.substring(start, at);
    }

    private String operator() {
        for (String op : List.of("<=", ">=", "<>", "!=", "=", "<", ">")) {
            if (symbol(op)) {
                return op.equals("!=") ? "<>" : op;
            }
        }
        throw unexpected("a comparison (= <> < <= > >=), IN, NOT IN or IS [NOT] NULL");
    }

    private Object literal() {
        skipSpace();
        if (keyword("TRUE")) {
            return Boolean.TRUE;
        }
        if (keyword("FALSE")) {
            return Boolean.FALSE;
        }
        if (at < text.length() && text.charAt(at) == '\'') {
            return text();
        }
        if (at < text.length() && text.charAt(at) == '#') {
            return date();
        }
        int start = at;
        if (at < text.length() && text.charAt(at) == '-') {
            at++;
        }
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        String number = text.substring(start, at);
        try {
            BigDecimal n = new BigDecimal(number);
            return n.scale() <= 0 ? (Object) n.longValueExact() : n;
        } catch (NumberFormatException | ArithmeticException e) {
            at = start;
            throw unexpected("a literal: a number, 'text', #2025-01-01#, #2025-01-01 10:30:00#, TRUE or FALSE");
        }
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        int start = at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '\'') {
                if (at < text.length() && text.charAt(at) == '\'') {
                    out.append('\'');
                    at++;
                } else {
                    return out.toString();
                }
            } else {
                out.append(c);
            }
        }
        at = start;
        throw new Invalid("the text starting at position " + (start + 1) + " has no closing quote (')");
    }

    private Object date() {
        int start = at++;
        int end = text.indexOf('#', at);
        if (end < 0) {
            at = start;
            throw new Invalid("the date starting at position " + (start + 1) + " has no closing #");
        }
        String value = text.substring(at, end).trim();
        at = end + 1;
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value);
            }
            return LocalDateTime.parse(value.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            at = start;
            throw new Invalid("#" + value + "# at position " + (start + 1) + " is not a date; write #2025-01-31# or"
                    + " #2025-01-31 10:30:00#");
        }
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = at + word.length();
        if (end <= text.length() && text.substring(at, end).toUpperCase(Locale.ROOT).equals(word)
                && (end == text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'))) {
            at = end;
            return true;
        }
        return false;
    }

    private boolean symbol(String s) {
        skipSpace();
        if (text.startsWith(s, at)) {
            at += s.length();
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!symbol(s)) {
            throw unexpected("'" + s + "'");
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private Invalid unexpected(String wanted) {
        skipSpace();
        if (at >= text.length()) {
            return new Invalid("the condition ends where " + wanted + " was expected");
        }
        // one character only: the rest of the text may be anything, and is not repeated
        return new Invalid("unexpected '" + text.charAt(at) + "' at position " + (at + 1) + "; expected " + wanted);
    }
}
