package org.faregate.simulator.city;

/** How a simulated rider pays: a phone showing a QR code, a phone over NFC, or a card. */
public enum Media {
    PHONE_QR, PHONE_NFC, CARD
}
