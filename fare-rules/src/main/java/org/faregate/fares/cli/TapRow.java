package org.faregate.fares.cli;

import org.faregate.fares.FareTap;

/** A tap of the taps CSV: its line, the account it belongs to, the time as written, and the tap. */
record TapRow(int line, String account, String time, FareTap tap) {
}
