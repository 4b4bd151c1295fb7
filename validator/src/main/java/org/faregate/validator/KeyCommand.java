package org.faregate.validator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.faregate.protocol.GateId;
import org.faregate.validator.link.GateIdentity;

/**
 * {@code key --gate ID --data DIR}: prints the gate's public key, making the key pair first if the data
 * directory has none, so an installer can register the gate before its first {@code run}.
 */
final class KeyCommand {

    /** The header a registration needs, with a placeholder for an admin operator's token (docs/security.md). */
    static final String ADMIN_AUTHORIZATION = "Authorization: Bearer <admin token>";


    private final PrintStream out;
    private final PrintStream err;

    KeyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        GateId gate;
        Path data;
        try {
            if (args.size() != 4 || !args.get(0).equals("--gate") || !args.get(2).equals("--data")) {
                throw new IllegalArgumentException("expected --gate ID --data DIR");
            }
            gate = GateId.of(args.get(1));
            data = Path.of(args.get(3));
        } catch (IllegalArgumentException e) {
            err.println("key: " + e.getMessage());
            err.print(ValidatorMain.USAGE);
            return 2;
        }
        try {
            GateIdentity identity = GateIdentity.openOrCreate(gate, data, new SecureRandom());
            out.println(registration(identity));
            return 0;
        } catch (UncheckedIOException e) {
            err.println("key: " + e.getMessage());
            return 3;
        }
    }

    /**
     * The line an installer registers the gate with: {@code POST /v1/admin/gates}, its JSON body, and the
     * header it needs (an admin operator's token; the placeholder is for the installer to fill in).
     */
    static String registration(GateIdentity identity) {
        return "gate key: POST /v1/admin/gates {\"gateId\":\"" + identity.gateId() + "\",\"publicKey\":\""
                + identity.publicKeyHex() + "\"} with " + ADMIN_AUTHORIZATION;
    }
}
