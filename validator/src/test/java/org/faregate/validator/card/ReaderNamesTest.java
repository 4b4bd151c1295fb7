package org.faregate.validator.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReaderNamesTest {

    @Test
    void allIncludesEveryReader() {
        ReaderNames all = ReaderNames.parse("all");

        assertThat(all.includes("Virtual PCD 00 00")).isTrue();
        assertThat(all.includes("ACS ACR122U 00 00")).isTrue();
        assertThat(all).hasToString("all");
    }

    @Test
    void namesSeparatedByCommasIncludeExactlyThoseReaders() {
        ReaderNames names = ReaderNames.parse("Virtual PCD 00 00, Virtual PCD 00 01");

        assertThat(names.names()).containsExactly("Virtual PCD 00 00", "Virtual PCD 00 01");
        assertThat(names.includes("Virtual PCD 00 01")).isTrue();
        assertThat(names.includes("Virtual PCD 00 02")).isFalse();
    }

    @Test
    void anEmptyNameIsRefusedWithTheText() {
        assertThatThrownBy(() -> ReaderNames.parse("Reader A,,Reader B"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Reader A,,Reader B'");
        assertThatThrownBy(() -> ReaderNames.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
