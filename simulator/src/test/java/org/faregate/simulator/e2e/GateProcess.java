package org.faregate.simulator.e2e;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;
import org.faregate.protocol.Bytes;
import org.faregate.protocol.Direction;
import org.faregate.protocol.GateId;
import org.faregate.protocol.StationId;
import org.faregate.protocol.crypto.SigningKey;
import org.faregate.protocol.token.Credential;
import org.faregate.protocol.token.QrPresentation;
import org.faregate.protocol.wire.IssuerKeyList;
import org.faregate.protocol.wire.WireJson;
import org.faregate.validator.Validator;
import org.faregate.validator.ValidatorConfig;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.link.GateIdentity;
import org.faregate.validator.link.HttpGatewayLink;

/**
 * A gate in its own JVM, for the kill test: offline (its gateway address is a closed port), it decides
 * fresh QR codes of one rider as fast as it can and prints each decision only after it was returned,
 * until it is killed. Arguments: data dir, issuer keys file, credential hex, device scalar hex.
 */
public final class GateProcess {

    private GateProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        IssuerKeyList keys = new WireJson().read(Files.readAllBytes(Path.of(args[1])), IssuerKeyList.class);
        Credential credential = Credential.parse(HexFormat.of().parseHex(args[2]));
        SigningKey device = SigningKey.fromScalar(Bytes.parseHex(args[3]));
        ValidatorConfig config = ValidatorConfig.of(GateId.of("K01-OUT-1"), StationId.of("S01"), Direction.EXIT, dataDir);
        GateIdentity identity = GateIdentity.openOrCreate(config.gateId(), dataDir, new SecureRandom());
        Validator gate = Validator.open(config, InstantSource.system(), new SecureRandom(),
                new HttpGatewayLink(URI.create("http://127.0.0.1:9"), identity));
        gate.trustIssuerKeys(keys);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        out.println("READY");
        for (long counter = 1; ; counter++) {
            byte[] code = QrPresentation.create(credential, device, InstantSource.system().instant(), counter)
                    .encoded().toArray();
            TapDecision decision = gate.presentQr(code);
            out.println("DECIDED " + decision.tapId() + " " + decision.reason().code());
        }
    }
}
