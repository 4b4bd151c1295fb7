package org.faregate.validator.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.faregate.protocol.Bytes;
import org.faregate.protocol.token.MalformedTokenException;
import org.faregate.protocol.token.QrText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScannerLineTest {

    private static final Bytes PAYLOAD = Bytes.of(new byte[] {0, 1, 2, (byte) 0xFB, (byte) 0xFF, 0x7E});
    private static final String CODE = QrText.encode(PAYLOAD);

    @ParameterizedTest
    @ValueSource(strings = {"%s", "%s\r\n", "%s\n", "%s\r", "  %s \t\r\n", "\u0002%s\u0003\r\n", "]Q1%s\r\n",
        "]Q0%s", "]Q2%s\n", "\t]Q1%s\r\n"})
    void whatScannersAddAroundTheCodeIsIgnored(String framing) throws MalformedTokenException {
        assertThat(ScannerLine.parse(String.format(framing, CODE))).isEqualTo(PAYLOAD);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\r\n'|scanner line is empty",
        "']Q'|cut-off symbology identifier",
        "']E0FG1:AAEC'|another symbology than QR (AIM identifier ]E0)",
        "']Q9FG1:AAEC'|another symbology than QR (AIM identifier ]Q9)",
        "'https://example.org/'|does not start with FG1:",
        "'fg1:AAEC'|does not start with FG1:",
        "'FG1:AA EC'|not base64url",
        "'FG1:AA*C'|not base64url"})
    void aLineWithoutACodeSaysWhatIsWrong(String line, String message) {
        assertThatThrownBy(() -> ScannerLine.parse(line)).isInstanceOf(MalformedTokenException.class)
                .hasMessageContaining(message);
    }
}
