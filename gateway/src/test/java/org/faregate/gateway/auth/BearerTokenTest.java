package org.faregate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void generatedTokensCarry256RandomBitsAndTheirKind() {
        SecureRandom random = new SecureRandom();
        BearerToken operator = BearerToken.generate(BearerToken.Kind.OPERATOR, random);
        BearerToken rider = BearerToken.generate(BearerToken.Kind.RIDER, random);

        assertThat(operator.reveal()).matches("fgo_[A-Za-z0-9_-]{43}");
        assertThat(rider.reveal()).matches("fgr_[A-Za-z0-9_-]{43}");
        assertThat(operator.kind()).isEqualTo(BearerToken.Kind.OPERATOR);
        assertThat(rider.kind()).isEqualTo(BearerToken.Kind.RIDER);
        assertThat(BearerToken.generate(BearerToken.Kind.OPERATOR, random).reveal()).isNotEqualTo(operator.reveal());
    }

    @Test
    void theHashIsSha256HexOfTheToken() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        assertThat(BearerToken.parse("abc").hash())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void toStringNeverShowsTheToken() {
        BearerToken token = BearerToken.parse("fgr_secretsecretsecret");

        assertThat(token.toString()).isEqualTo("BearerToken[rider, redacted]");
    }

    @Test
    void malformedAndShortConfiguredTokensAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> BearerToken.parse("has space")).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("has space");
        assertThatThrownBy(() -> BearerToken.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BearerToken.configured("short-secret"))
                .hasMessage("the admin token must be at least 32 characters (e.g. `openssl rand -hex 32`)");
    }
}
