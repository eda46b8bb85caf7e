package org.latentlab.analysis.toy;

import org.latentlab.core.LabException;

import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Parses a formula in x and y, such as {@code x^2 + 3*y^2}, {@code (1 - x*y)^2} or {@code sin(x) * exp(-y^2)}, into
 * an {@link Expression} evaluated on {@link Dual} numbers (value and gradient in one pass). No library on the lab's
 * class path parses formulas, so this is a small recursive-descent parser:
 * <pre>
 *   sum     = product { ("+" | "-") product }
 *   product = unary { ("*" | "/" | implicit) unary }      implicit: 3x, 2(x + y), x y
 *   unary   = ("-" | "+") unary | power
 *   power   = atom [ ("^" | "**") unary ]                 right-associative: -x^2 = -(x^2), 2^3^2 = 2^9
 *   atom    = number | x | y | pi | e | function "(" sum ")" | "(" sum ")"      xy is x·y
 * </pre>
 * Functions: sin cos tan exp log (natural) sqrt abs tanh sinh cosh. The superscripts ² ³ ⁴ and the signs − · ×
 * are accepted as typed in the built-ins' formulas.
 */
public final class ExpressionParser {

    /** A parsed formula. */
    @FunctionalInterface
    public interface Expression {
        Dual at(double x, double y);
    }

    private record Function(DoubleUnaryOperator f, DoubleUnaryOperator df) {
    }

    private static final Map<String, Function> FUNCTIONS = Map.of(
            "sin", new Function(Math::sin, Math::cos),
            "cos", new Function(Math::cos, v -> -Math.sin(v)),
            "tan", new Function(Math::tan, v -> 1 / (Math.cos(v) * Math.cos(v))),
            "exp", new Function(Math::exp, Math::exp),
            "log", new Function(Math::log, v -> 1 / v),
            "sqrt", new Function(Math::sqrt, v -> 0.5 / Math.sqrt(v)),
            "abs", new Function(Math::abs, Math::signum),
            "tanh", new Function(Math::tanh, v -> 1 - Math.tanh(v) * Math.tanh(v)),
            "sinh", new Function(Math::sinh, Math::cosh),
            "cosh", new Function(Math::cosh, Math::sinh));

    private final String text;
    private int pos;

    private ExpressionParser(String text) {
        this.text = text.replace("²", "^2").replace("³", "^3").replace("⁴", "^4").replace('−', '-')
                .replace('·', '*').replace('×', '*');
    }

    /** Parses {@code formula}, or throws a {@link LabException} saying where and what is wrong. */
    public static Expression parse(String formula) {
        if (formula == null || formula.isBlank()) {
            throw new LabException("type a formula in x and y, e.g. x^2 + 3*y^2");
        }
        ExpressionParser p = new ExpressionParser(formula);
        Expression e = p.sum();
        p.skipSpaces();
        if (p.pos < p.text.length()) {
            throw p.error("unexpected '" + p.text.charAt(p.pos) + "'");
        }
        return e;
    }

    private Expression sum() {
        Expression left = product();
        while (true) {
            if (accept('+')) {
                Expression a = left;
                Expression b = product();
                left = (x, y) -> a.at(x, y).plus(b.at(x, y));
            } else if (accept('-')) {
                Expression a = left;
                Expression b = product();
                left = (x, y) -> a.at(x, y).minus(b.at(x, y));
            } else {
                return left;
            }
        }
    }

    private Expression product() {
        Expression left = unary();
        while (true) {
            skipSpaces();
            if (peekIs("**")) {
                return left; // handled by power
            }
            if (accept('*')) {
                left = times(left, unary());
            } else if (accept('/')) {
                Expression a = left;
                Expression b = unary();
                left = (x, y) -> a.at(x, y).div(b.at(x, y));
            } else if (pos < text.length() && startsAtom(text.charAt(pos))) {
                left = times(left, unary());
            } else {
                return left;
            }
        }
    }

    private static Expression times(Expression a, Expression b) {
        return (x, y) -> a.at(x, y).times(b.at(x, y));
    }

    private Expression unary() {
        if (accept('-')) {
            Expression a = unary();
            return (x, y) -> a.at(x, y).negate();
        }
        if (accept('+')) {
            return unary();
        }
        return power();
    }

    private Expression power() {
        Expression base = atom();
        skipSpaces();
        boolean star = peekIs("**");
        if (star || accept('^')) {
            if (star) {
                pos += 2;
            }
            Expression exponent = unary();
            Dual probe = exponent.at(0.37, -1.91);
            if (probe.dx() == 0 && probe.dy() == 0 && exponent.at(-2.3, 0.71).v() == probe.v()) {
                double n = probe.v();
                return (x, y) -> base.at(x, y).pow(n);
            }
            return (x, y) -> base.at(x, y).pow(exponent.at(x, y));
        }
        return base;
    }

    private Expression atom() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("the formula ends too early");
        }
        char c = text.charAt(pos);
        if (accept('(')) {
            Expression inner = sum();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            int digit = pos + 1 < text.length() && "+-".indexOf(text.charAt(pos + 1)) >= 0 ? pos + 2 : pos + 1;
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')
                    && digit < text.length() && Character.isDigit(text.charAt(digit))) {
                pos = digit;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
            double v;
            try {
                v = Double.parseDouble(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("'" + text.substring(start, pos) + "' is not a number");
            }
            Dual d = Dual.constant(v);
            return (x, y) -> d;
        }
        if (Character.isLetter(c)) {
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos).toLowerCase(Locale.ROOT);
            if (!FUNCTIONS.containsKey(name) && !name.equals("pi") && name.length() > 1
                    && (name.charAt(0) == 'x' || name.charAt(0) == 'y')) {
                // xy, x2y: a variable followed by an implicit product
                pos = start + 1;
                name = name.substring(0, 1);
            }
            switch (name) {
                case "x":
                    return (x, y) -> new Dual(x, 1, 0);
                case "y":
                    return (x, y) -> new Dual(y, 0, 1);
                case "pi":
                    return (x, y) -> Dual.constant(Math.PI);
                case "e":
                    return (x, y) -> Dual.constant(Math.E);
                default:
                    Function f = FUNCTIONS.get(name);
                    if (f == null) {
                        pos = start;
                        throw error("unknown name '" + name + "' (use x, y, pi, e and " + String.join(", ",
                                new java.util.TreeSet<>(FUNCTIONS.keySet())) + ")");
                    }
                    expect('(');
                    Expression arg = sum();
                    expect(')');
                    return (x, y) -> {
                        Dual a = arg.at(x, y);
                        return a.chain(f.f().applyAsDouble(a.v()), f.df().applyAsDouble(a.v()));
                    };
            }
        }
        throw error("unexpected '" + c + "'");
    }

    private static boolean startsAtom(char c) {
        return Character.isLetterOrDigit(c) || c == '(' || c == '.';
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peekIs(String s) {
        return text.startsWith(s, pos);
    }

    private boolean accept(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c && !(c == '*' && peekIs("**"))) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw error(pos >= text.length() ? "missing '" + c + "' at the end" : "expected '" + c + "'");
        }
    }

    private LabException error(String what) {
        return new LabException("formula '" + text + "': " + what + " at position " + (pos + 1));
    }
}
