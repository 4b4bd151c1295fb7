package org.faregate.simulator.report;

import java.io.PrintStream;

/** A one-line text progress bar that redraws itself in place, once per percent. */
public final class ProgressBar {

    private static final int WIDTH = 40;
    private final PrintStream out;
    private final String label;
    private int shownPercent = -1;

    private final boolean interactive;

    /** On a terminal the bar redraws in place; into a file or pipe it writes a line every ten percent. */
    public ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
        this.interactive = System.console() != null;
    }

    public void show(long done, long total, String status) {
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = percent * WIDTH / 100;
        if (!interactive && percent % 10 != 0) {
            return;
        }
        out.print((interactive ? "\r" : "") + label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + String.format("%3d%%", percent) + " " + status + (interactive ? "   " : "\n"));
        out.flush();
    }

    public void finish() {
        if (interactive) {
            out.println();
        }
    }
}
