package org.faregate.validator;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;

/** The validator's composition root and command line. */
public final class ValidatorMain {

    static final String USAGE = """
            usage:
              faregate-validator check-qr [--keys FILE] [--at ISO-TIME] IMAGE
                  Decode the QR code in IMAGE (PNG/JPEG) and verify it as a gate would (no deny list,
                  replay or pass-back state). FILE is the issuer key list as served by GET /v1/issuer-keys;
                  --at is the gate time to check at (default: now), e.g. 2025-06-01T08:00:00Z.
                  Exit status: 0 accepted, 1 refused, 2 usage error or unreadable image.
              faregate-validator key --gate ID --data DIR
                  Print the gate's public key as the body of its registration (POST /v1/admin/gates, sent
                  by an admin operator with Authorization: Bearer <admin token>), making the gate's key
                  pair in DIR first if there is none. The gateway refuses the taps of
                  a gate that is not registered.
              faregate-validator run --gateway URL --gate ID --station ID --direction entry|exit|board --data DIR
                                     [--keys FILE] [--sync-seconds N] [--route ID] [--language TAG]
                                     [--nfc all|NAMES] [--journal-mb N]
                  Run a gate: read scanner lines (FG1:...) from stdin, print what the gate does for each
                  (open or refuse, then show the rider text), journal every tap in DIR and sync with the
                  gateway every N seconds (default 5). Batches are signed with the gate's key (see key);
                  the first start makes it and prints it.
                  --keys trusts an issuer key list before the first sync (offline provisioning).
                  --route names the GTFS route of a validate-on-board reader (a bus); its taps carry it.
                  --language is the rider display's language tag: en (default) or zh-Hans; others show English.
                  --nfc also answers cards and phones on the machine's PC/SC readers (pcscd): all of them, or
                  the readers named, separated by commas (e.g. "Virtual PCD 00 00,Virtual PCD 00 01").
                  Readers missing at start, or pcscd down or restarted, are picked up when they come back.
                  --journal-mb is the tap journal's disk allowance in MiB (default 512, about 2 million taps);
                  the gate warns at 70 % and 90 % and stays closed when it is full, until the gateway acknowledges.
            """;

    private ValidatorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, InstantSource.system()));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, InstantSource clock) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "check-qr":
                return new CheckQrCommand(out, err, clock).run(rest);
            case "key":
                return new KeyCommand(out, err).run(rest);
            case "run":
                return new RunCommand(in, out, err, clock).run(rest);
            case "help":
            case "--help":
            case "-h":
                out.print(USAGE);
                return 0;
            default:
                err.println("unknown command '" + args[0] + "'");
                err.print(USAGE);
                return 2;
        }
    }
}
