package org.faregate.simulator.pcsc;

import java.util.HexFormat;
import java.util.Objects;
import org.faregate.protocol.nfc.HolderApplet;

/** The protocol module's holder side, as a card in a virtual terminal. */
final class HolderAppletCard implements VirtualCard {

    private static final String CONTACTLESS_ATR = "3b8f8001804f0ca000000306030001000000006a";

    private final HolderApplet applet;
    private final byte[] atr;

    HolderAppletCard(HolderApplet applet, byte[] atr) {
        this.applet = Objects.requireNonNull(applet, "applet");
        this.atr = requireAtr(atr);
    }

    static byte[] contactlessAtr() {
        return HexFormat.of().parseHex(CONTACTLESS_ATR);
    }

    static byte[] requireAtr(byte[] atr) {
        Objects.requireNonNull(atr, "atr");
        if (atr.length < 2 || atr.length > 33) {
            throw new IllegalArgumentException("an ATR is 2 to 33 bytes, got " + atr.length);
        }
        if (atr[0] != 0x3B && atr[0] != 0x3F) {
            throw new IllegalArgumentException(String.format("an ATR starts with TS 3B or 3F, got %02X", atr[0]));
        }
        return atr.clone();
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public byte[] process(byte[] commandApdu) {
        return applet.process(commandApdu);
    }

    @Override
    public void reset() {
        applet.reset();
    }

    @Override
    public String toString() {
        return "HolderAppletCard[counter=" + applet.counter() + "]";
    }
}
