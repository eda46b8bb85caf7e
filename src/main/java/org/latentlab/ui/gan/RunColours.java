package org.latentlab.ui.gan;

/**
 * The colours of kept runs side by side, one per run and the same in every chart, picture frame and table column
 * (Tableau 10's first six, told apart on screen and in print).
 */
final class RunColours {

    private static final int[][] RGB = {
            {31, 119, 180}, {214, 39, 40}, {44, 160, 44}, {148, 103, 189}, {255, 127, 14}, {23, 190, 207}};

    static {
        if (RGB.length < GanComparisonViewModel.LIMIT) {
            throw new IllegalStateException("one colour per kept run");
        }
    }

    private RunColours() {
    }

    /** For JFreeChart. */
    static java.awt.Color awt(int colour) {
        int[] c = RGB[colour % RGB.length];
        return new java.awt.Color(c[0], c[1], c[2]);
    }

    /** For JavaFX nodes. */
    static javafx.scene.paint.Color fx(int colour) {
        int[] c = RGB[colour % RGB.length];
        return javafx.scene.paint.Color.rgb(c[0], c[1], c[2]);
    }

    /** As CSS, "#1f77b4". */
    static String css(int colour) {
        int[] c = RGB[colour % RGB.length];
        return String.format("#%02x%02x%02x", c[0], c[1], c[2]);
    }
}
