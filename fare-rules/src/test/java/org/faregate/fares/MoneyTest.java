package org.faregate.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void parsesDecimalIntoMinorUnitsWithTheCurrencysDigits() {
        assertThat(Money.parse("3.20", CNY)).isEqualTo(Money.of(320, CNY));
        assertThat(Money.parse("3", CNY)).isEqualTo(Money.of(300, CNY));
    }

    @Test
    void parseWithMoreFractionDigitsThanTheCurrencyHasThrows() {
        assertThatThrownBy(() -> Money.parse("3.205", CNY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 2 fraction digits");
    }

    @Test
    void parseOfSomethingThatIsNotADecimalThrows() {
        assertThatThrownBy(() -> Money.parse("three", CNY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void yenHasNoFractionDigits() {
        assertThat(Money.parse("210", JPY).minor()).isEqualTo(210);
        assertThat(Money.of(210, JPY)).hasToString("210 JPY");
        assertThatThrownBy(() -> Money.parse("210.5", JPY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingDifferentCurrenciesThrows() {
        assertThatThrownBy(() -> Money.of(100, CNY).plus(Money.of(100, JPY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mismatch");
    }

    @Test
    void comparingDifferentCurrenciesThrows() {
        assertThatThrownBy(() -> Money.of(100, CNY).max(Money.of(100, JPY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, CNY).plus(Money.of(1, CNY)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void printsWithTheCurrencysDigits() {
        assertThat(Money.of(400, CNY)).hasToString("4.00 CNY");
    }
}
