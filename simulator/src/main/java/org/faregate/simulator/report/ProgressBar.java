package org.faregate.simulator.report;

import java.io.PrintStream;

/** A one-line text progress bar that redraws itself in place; prints only when the shown value changes. */
public final class ProgressBar {

    private static final int WIDTH = 40;
    private final PrintStream out;
    private final String label;
    private int shownPercent = -1;
    private String shownStatus = "";

    public ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    public void show(long done, long total, String status) {
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (percent == shownPercent && status.equals(shownStatus)) {
            return;
        }
        shownPercent = percent;
        shownStatus = status;
        int filled = percent * WIDTH / 100;
        out.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + String.format("%3d%%", percent) + " " + status + "   ");
        out.flush();
    }

    public void finish() {
        out.println();
    }
}
