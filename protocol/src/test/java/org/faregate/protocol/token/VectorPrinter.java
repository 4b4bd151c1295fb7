package org.faregate.protocol.token;

/** Prints the documented test vector (run by hand when the format changes). */
final class VectorPrinter {
    public static void main(String[] args) {
        System.out.println("credential " + TokenFixture.credential().encoded().toHex());
        System.out.println("qr " + TokenFixture.qr(TokenFixture.PRESENTED_AT, 3).encoded().toHex());
        System.out.println("issuerPub " + TokenFixture.ISSUER_KEY.verifyingKey().compressed().toHex());
        System.out.println("devicePub " + TokenFixture.DEVICE_KEY.verifyingKey().compressed().toHex());
        System.out.println("text " + QrText.encode(TokenFixture.qr(TokenFixture.PRESENTED_AT, 3).encoded()));
    }
}
