package org.faregate.protocol.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.faregate.protocol.Bytes;
import org.junit.jupiter.api.Test;

class CredentialTest {

    @Test
    void parseReadsBackEveryField() throws MalformedTokenException {
        Credential original = TokenFixture.credential();
        assertThat(Credential.parse(original.encoded().toArray())).isEqualTo(original);
    }

    @Test
    void unknownFormatByteIsRefusedAtOffsetZero() {
        byte[] bytes = TokenFixture.credential().encoded().toArray();
        bytes[0] = 0x02;
        assertThatThrownBy(() -> Credential.parse(bytes)).isInstanceOfSatisfying(MalformedTokenException.class,
                e -> assertThat(e.offset()).isZero());
    }

    @Test
    void unknownRiderCategoryNamesItsOffset() {
        byte[] bytes = TokenFixture.credential().encoded().toArray();
        bytes[29] = 99;
        assertThatThrownBy(() -> Credential.parse(bytes)).isInstanceOfSatisfying(MalformedTokenException.class,
                e -> assertThat(e.offset()).isEqualTo(29)).hasMessageContaining("rider category 99");
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] bytes = Arrays.copyOf(TokenFixture.credential().encoded().toArray(), Credential.LENGTH + 1);
        assertThatThrownBy(() -> Credential.parse(bytes)).isInstanceOf(MalformedTokenException.class)
                .hasMessageContaining("unexpected bytes");
    }

    @Test
    void everyTruncationIsMalformedNeverACrash() {
        byte[] bytes = TokenFixture.credential().encoded().toArray();
        for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> Credential.parse(prefix)).isInstanceOf(MalformedTokenException.class);
        }
    }

    @Test
    void qrTextRoundTripsAndRejectsForeignText() throws MalformedTokenException {
        Bytes payload = TokenFixture.qr(TokenFixture.PRESENTED_AT, 1).encoded();
        assertThat(QrText.decode(QrText.encode(payload) + "\r\n")).isEqualTo(payload);
        assertThatThrownBy(() -> QrText.decode("https://example.org")).isInstanceOf(MalformedTokenException.class);
        assertThatThrownBy(() -> QrText.decode("FG1:***")).isInstanceOf(MalformedTokenException.class);
    }
}
