package org.faregate.validator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.Reason;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.IssuerKeys;
import org.faregate.protocol.token.MalformedTokenException;
import org.faregate.protocol.token.PresentationVerifier;
import org.faregate.protocol.token.QrPresentation;
import org.faregate.protocol.token.QrText;
import org.faregate.protocol.token.TokenRejectedException;
import org.faregate.protocol.token.VerifiedPresentation;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.WireFormatException;
import org.faregate.protocol.wire.WireJson;
import org.faregate.validator.decision.RiderDisplay;
import org.faregate.validator.decision.TrustedKeys;
import org.faregate.validator.qr.QrImageException;
import org.faregate.validator.qr.ZxingQrCodec;

/**
 * {@code check-qr [--keys FILE] [--at ISO-TIME] IMAGE}: decodes a picture of a QR code and verifies it
 * as a gate would (no deny list, replay or pass-back state). Exit 0 accepted, 1 refused, 2 usage error
 * or unreadable input.
 */
final class CheckQrCommand {

    static final int ACCEPTED = 0;
    static final int REFUSED = 1;
    static final int UNUSABLE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final InstantSource clock;

    CheckQrCommand(PrintStream out, PrintStream err, InstantSource clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(List<String> args) {
        Path keysFile = null;
        Instant at = null;
        Path image = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--keys")) {
                    keysFile = Path.of(value(args, ++i, "--keys"));
                } else if (arg.equals("--at")) {
                    at = Instant.parse(value(args, ++i, "--at"));
                } else if (arg.startsWith("--") || image != null) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                } else {
                    image = Path.of(arg);
                }
            }
            if (image == null) {
                throw new IllegalArgumentException("check-qr needs an IMAGE");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("check-qr: " + e.getMessage());
            err.print(ValidatorMain.USAGE);
            return UNUSABLE;
        }
        try {
            IssuerKeys keys = keysFile == null ? new IssuerKeys(Map.of()) : readKeys(keysFile);
            Bytes payload = binaryPayload(new ZxingQrCodec().decode(image));
            return check(payload, keys, keysFile != null, at == null ? clock.instant() : at);
        } catch (QrImageException | IOException | WireFormatException | IllegalArgumentException e) {
            err.println("check-qr: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private int check(Bytes payload, IssuerKeys keys, boolean keysGiven, Instant at) {
        PresentationVerifier verifier = new PresentationVerifier(keys, ValidatorConfig.DEFAULT_QR_VALIDITY,
                ValidatorConfig.DEFAULT_CLOCK_SKEW);
        try {
            VerifiedPresentation verified = verifier.verifyQr(payload.toArray(), at);
            out.println("ACCEPTED accepted - " + RiderDisplay.textFor(Reason.ACCEPTED));
            out.println("  " + describe(verified.credential()) + ", presentation " + verified.counter()
                    + " stamped " + verified.presentedAt() + ", checked at " + at);
            return ACCEPTED;
        } catch (TokenRejectedException e) {
            out.println("REFUSED " + e.reason().code() + " - " + RiderDisplay.textFor(e.reason()));
            String detail = e.getMessage() + (keysGiven ? "" : " (no --keys given)");
            out.println("  " + detail);
            try {
                QrPresentation unverified = QrPresentation.parse(payload.toArray());
                out.println("  unverified: " + describe(unverified.credential()) + ", presentation "
                        + unverified.counter() + " stamped " + unverified.timestamp() + ", checked at " + at);
            } catch (MalformedTokenException notAPresentation) {
                out.println("  payload: " + payload.length() + " bytes, not a Faregate QR presentation");
            }
            return REFUSED;
        }
    }

    private static String describe(Credential credential) {
        return "credential " + credential.id().masked() + ", account " + credential.account() + ", "
                + credential.category().id() + " " + credential.media().id() + ", valid " + credential.validFrom()
                + " to " + credential.validUntil() + ", issuer key " + credential.issuerKeyId();
    }

    private static IssuerKeys readKeys(Path file) throws IOException, WireFormatException {
        try {
            return TrustedKeys.from(new WireJson().read(Files.readAllBytes(file), IssuerKeyList.class));
        } catch (WireFormatException e) {
            throw new WireFormatException(file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** A code that holds scanner text ({@code FG1:…}) is turned back into its binary payload. */
    private static Bytes binaryPayload(Bytes decoded) {
        String text = new String(decoded.toArray(), StandardCharsets.ISO_8859_1);
        if (!text.startsWith(QrText.PREFIX)) {
            return decoded;
        }
        try {
            return QrText.decode(text);
        } catch (MalformedTokenException e) {
            return decoded;
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
