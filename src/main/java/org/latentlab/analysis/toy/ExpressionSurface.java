package org.latentlab.analysis.toy;

import org.latentlab.core.LabException;

/**
 * A surface typed by a person as a formula in x and y ({@link ExpressionParser}), with its gradient by forward-mode
 * differentiation ({@link Dual}); its Hessian, like every objective's, comes from differences of that gradient.
 */
public final class ExpressionSurface implements ToySurface {

    private final String formula;
    private final ExpressionParser.Expression expression;
    private final ViewRange view;

    /** Parses the formula, or throws a {@link LabException} that says what is wrong and where. */
    public ExpressionSurface(String formula, ViewRange view) {
        this.formula = formula.trim();
        this.expression = ExpressionParser.parse(formula);
        this.view = view;
    }

    public ExpressionSurface(String formula) {
        this(formula, ViewRange.square(2));
    }

    @Override
    public String id() {
        return "custom";
    }

    @Override
    public String formula() {
        return formula;
    }

    @Override
    public ViewRange defaultView() {
        return view;
    }

    @Override
    public double loss(double[] xy) {
        return expression.at(xy[0], xy[1]).v();
    }

    @Override
    public double[] gradient(double[] xy) {
        Dual d = expression.at(xy[0], xy[1]);
        return new double[] {d.dx(), d.dy()};
    }

    @Override
    public String toString() {
        return "custom: " + formula;
    }

    /** Throws unless the formula is finite at some point of the view (catches log(x) typed for a [−2, 2] view). */
    public ExpressionSurface requireFiniteSomewhere() {
        for (int i = 0; i <= 4; i++) {
            for (int j = 0; j <= 4; j++) {
                double x = view.xMin() + (view.xMax() - view.xMin()) * i / 4;
                double y = view.yMin() + (view.yMax() - view.yMin()) * j / 4;
                if (Double.isFinite(value(x, y))) {
                    return this;
                }
            }
        }
        throw new LabException("formula '" + formula + "' is not finite anywhere in the view " + view);
    }
}
