package org.faregate.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every Wycheproof ECDSA P-256/SHA-256 vector (read in place from ../shared/vectors/wycheproof)
 * through Faregate's signature layer: valid must verify, invalid must not, acceptable may go either way.
 */
class WycheproofTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void everyDerVectorAgreesWithWycheproof() throws IOException {
        Outcome outcome = run("ecdsa_secp256r1_sha256_test.json", EcdsaSignature::parseDer);
        assertThat(outcome.disagreements).isEmpty();
        assertThat(outcome.cases).isEqualTo(outcome.expectedCases).isGreaterThan(400);
        assertThat(outcome.verified).isPositive();
        assertThat(outcome.refused).isPositive();
    }

    @Test
    void everyP1363VectorAgreesWithWycheproof() throws IOException {
        Outcome outcome = run("ecdsa_secp256r1_sha256_p1363_test.json", EcdsaSignature::parseP1363);
        assertThat(outcome.disagreements).isEmpty();
        assertThat(outcome.cases).isEqualTo(outcome.expectedCases).isGreaterThan(200);
        assertThat(outcome.verified).isPositive();
        assertThat(outcome.refused).isPositive();
    }

    private interface SignatureParser {
        EcdsaSignature parse(byte[] bytes) throws SignatureException;
    }

    private static final class Outcome {
        int cases;
        int expectedCases;
        int verified;
        int refused;
        final List<String> disagreements = new ArrayList<>();
    }

    private static Outcome run(String file, SignatureParser parser) throws IOException {
        Path vectors = vectorFolder().resolve(file);
        JsonNode root = new ObjectMapper().readTree(vectors.toFile());
        Outcome outcome = new Outcome();
        outcome.expectedCases = root.path("numberOfTests").asInt();
        for (JsonNode group : root.path("testGroups")) {
            VerifyingKey key = VerifyingKey.parseSubjectPublicKeyInfo(HEX.parseHex(group.path("publicKeyDer").asText()));
            assertThat(key.compressed().toArray())
                    .isEqualTo(VerifyingKey.parse(HEX.parseHex(group.path("publicKey").path("uncompressed").asText()))
                            .compressed().toArray());
            for (JsonNode test : group.path("tests")) {
                outcome.cases++;
                boolean verifies = verifies(key, parser, HEX.parseHex(test.path("msg").asText()),
                        HEX.parseHex(test.path("sig").asText()));
                if (verifies) {
                    outcome.verified++;
                } else {
                    outcome.refused++;
                }
                String expected = test.path("result").asText();
                boolean agrees = switch (expected) {
                    case "valid" -> verifies;
                    case "invalid" -> !verifies;
                    case "acceptable" -> true;
                    default -> throw new IllegalStateException("unknown result " + expected);
                };
                if (!agrees) {
                    outcome.disagreements.add("tcId " + test.path("tcId").asInt() + " (" + test.path("comment").asText()
                            + "): expected " + expected + ", verified=" + verifies);
                }
            }
        }
        return outcome;
    }

    private static boolean verifies(VerifyingKey key, SignatureParser parser, byte[] message, byte[] signature) {
        try {
            key.verify(message, parser.parse(signature));
            return true;
        } catch (SignatureException e) {
            return false;
        }
    }

    /** Finds shared/vectors/wycheproof beside the checkout; skips with a clear message where it is absent. */
    static Path vectorFolder() {
        Path found = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && found == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/vectors/wycheproof");
            found = Files.isDirectory(candidate) ? candidate : null;
        }
        assumeTrue(found != null, "Wycheproof vectors not found: expected ../shared/vectors/wycheproof beside the checkout");
        return found;
    }
}
