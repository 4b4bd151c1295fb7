package org.faregate.validator.qr;

import org.faregate.protocol.Bytes;
import org.faregate.protocol.token.MalformedTokenException;
import org.faregate.protocol.token.QrText;

/**
 * A line from a QR scanner that types (keyboard wedge) or sends (serial) what it read, cleaned of what
 * scanners add around the code's text before {@link QrText} decodes it: line ends (CR, LF, CRLF), tabs and
 * spaces, STX/ETX framing and other control characters at either end, and an AIM symbology identifier
 * ({@code ]Q0} to {@code ]Q6} for QR; ISO/IEC 15424) in front.
 */
public final class ScannerLine {

    private static final String AIM_QR = "]Q";

    private ScannerLine() {
    }

    /** The payload in the line; says what is wrong with a line that holds none. */
    public static Bytes parse(String line) throws MalformedTokenException {
        String text = trimmed(line);
        if (text.isEmpty()) {
            throw new MalformedTokenException(0, "scanner line is empty");
        }
        if (text.startsWith("]")) {
            text = withoutSymbologyIdentifier(text);
        }
        return QrText.decode(text);
    }

    private static String withoutSymbologyIdentifier(String text) throws MalformedTokenException {
        if (text.length() < 3) {
            throw new MalformedTokenException(0, "scanner line is a cut-off symbology identifier: " + text);
        }
        String identifier = text.substring(0, 3);
        if (!identifier.startsWith(AIM_QR) || identifier.charAt(2) < '0' || identifier.charAt(2) > '6') {
            throw new MalformedTokenException(0, "scanner read another symbology than QR (AIM identifier "
                    + identifier + ")");
        }
        return text.substring(3);
    }

    /** Without whitespace and control characters at either end. */
    private static String trimmed(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && ignorable(line.charAt(start))) {
            start++;
        }
        while (end > start && ignorable(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(start, end);
    }

    private static boolean ignorable(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c);
    }
}
