package org.mepkit.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;

/**
 * Report plots: charts laid out by JFreeChart (axes with ticks and labels, legends), drawn as SVG by JFreeSVG.
 * Headless: no display is needed, only the fonts the JRE finds through fontconfig.
 */
public final class SvgCharts {

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        // rotated labels (the y axes) as SVG text, not as glyph outlines: readable and searchable in the file
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private SvgCharts() {
    }

    /** The chart drawn at {@code width} x {@code height} as a standalone SVG document. */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    /** White background, light grid, report fonts. */
    public static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) chart.getTitle().setFont(TITLE);
        if (chart.getLegend() != null) chart.getLegend().setItemFont(TICK);
        if (chart.getPlot() instanceof XYPlot plot) style(plot);
        return chart;
    }

    public static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlineStroke(new BasicStroke(0.6f));
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setOutlinePaint(new Color(0x999999));
        for (int i = 0; i < plot.getRangeAxisCount(); i++) fonts(plot.getRangeAxis(i));
        for (int i = 0; i < plot.getDomainAxisCount(); i++) fonts(plot.getDomainAxis(i));
    }

    private static void fonts(org.jfree.chart.axis.ValueAxis axis) {
        if (axis == null) return;
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
    }

    /** A numeric axis with whole-number ticks (trial numbers, counts). */
    public static NumberAxis integerAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    /** An axis whose ticks are names (off / on, outcome names) at 0, 1, 2, ... */
    public static SymbolAxis symbolAxis(String label, String... symbols) {
        SymbolAxis axis = new SymbolAxis(label, symbols);
        axis.setGridBandsVisible(false);
        return axis;
    }
}
