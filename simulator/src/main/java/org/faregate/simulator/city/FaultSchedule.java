package org.faregate.simulator.city;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import java.util.function.Predicate;
import org.faregate.protocol.Bytes;
import org.faregate.simulator.pcsc.FaultyCard;
import org.faregate.simulator.pcsc.VirtualCard;
import org.faregate.validator.decision.TapDecision;
import org.faregate.validator.qr.ZxingQrCodec;

/**
 * The faults a real city's day brings, at fixed times: a gate's network down for three hours, a gate
 * whose acknowledgements get lost (so it resends), a forged code, a screenshot shown twice, a stale
 * screenshot, a card pulled away mid-transaction and a foreign card.
 */
final class FaultSchedule {

    private final CitySimulation city;

    FaultSchedule(CitySimulation city) {
        this.city = city;
    }

    void scheduleAll() {
        networkDown(city.entryGate(2), LocalTime.of(7, 0), LocalTime.of(10, 0));
        ackLoss(city.exitGate(4), LocalTime.of(12, 0), LocalTime.of(13, 0));
        city.schedule(city.at(LocalTime.of(8, 15)), this::forgedCode);
        firstQrRiderTravellingAfter(LocalTime.of(8, 0)).ifPresent(this::screenshotReplay);
        city.schedule(city.at(LocalTime.of(9, 30)), this::staleScreenshot);
        city.schedule(city.at(LocalTime.of(17, 30)), this::cardPulledAway);
        city.schedule(city.at(LocalTime.of(18, 0)), this::foreignCard);
    }

    private void networkDown(Gate gate, LocalTime from, LocalTime until) {
        city.schedule(city.at(from), () -> {
            gate.network().set(FlakyLink.Mode.DOWN);
            city.event("network down at gate " + gate.id() + " (the gate keeps deciding offline)");
        });
        city.schedule(city.at(until), () -> {
            city.event("network back at gate " + gate.id() + " with " + gate.validator().pendingTaps()
                    + " taps waiting to sync");
            gate.network().set(FlakyLink.Mode.UP);
        });
    }

    private void ackLoss(Gate gate, LocalTime from, LocalTime until) {
        city.schedule(city.at(from), () -> {
            gate.network().set(FlakyLink.Mode.LOSING_ACKS);
            city.event("gate " + gate.id() + " starts losing the gateway's acknowledgements (it will resend)");
        });
        city.schedule(city.at(until), () -> {
            gate.network().set(FlakyLink.Mode.UP);
            city.event("gate " + gate.id() + " network healthy again; " + gate.network().lostAcks()
                    + " acknowledgements were lost and their batches resent");
        });
    }

    /** Someone edits the credential id inside a rider's code, hoping to dodge the deny list. */
    private void forgedCode() {
        riderWith(r -> r.plan().media() == Media.PHONE_QR).ifPresent(rider -> {
            Gate gate = city.entryGate(0);
            rider.showQr(city.now());
            byte[] forged = rider.lastCode().toArray();
            forged[1 + 5] ^= 0x01; // first byte of the credential id
            TapDecision decision = presentCode(gate, Bytes.of(forged));
            city.event("forged code at " + gate.id() + ": " + decision.reason().code());
        });
    }

    /** A rider's code is shown again at the same gate ten seconds after it let them in. */
    private void screenshotReplay(Rider rider) {
        Trip trip = rider.plan().trips().get(0);
        city.schedule(trip.departAt().plusSeconds(10), () -> {
            Gate gate = city.entryGate(stationIndex(trip.origin()));
            TapDecision decision = presentCode(gate, rider.lastCode());
            city.event("screenshot of rider " + rider.plan().index() + "'s code shown again at " + gate.id()
                    + ": " + decision.reason().code());
        });
    }

    /** A screenshot taken five minutes ago. */
    private void staleScreenshot() {
        riderWith(r -> r.plan().media() == Media.PHONE_QR && r.plan().index() % 7 == 3).ifPresent(rider -> {
            Gate gate = city.entryGate(1);
            rider.showQr(city.now().minus(Duration.ofMinutes(5)));
            TapDecision decision = presentCode(gate, rider.lastCode());
            city.event("five-minute-old screenshot at " + gate.id() + ": " + decision.reason().code());
        });
    }

    /** A card leaves the field between SELECT and AUTHENTICATE; the rider taps again. */
    private void cardPulledAway() {
        riderWith(r -> r.plan().media() == Media.CARD).ifPresent(rider -> {
            Gate gate = city.exitGate(3);
            city.terminals().insert(gate.terminalName(), FaultyCard.tornAt(rider.card(), 2));
            TapDecision decision;
            try {
                decision = gate.validator().tapCard(city.terminal(gate));
            } finally {
                city.terminals().remove(gate.terminalName());
            }
            city.event("card pulled away mid-transaction at " + gate.id() + ": " + decision.reason().code()
                    + " (not journaled: no tap happened)");
        });
    }

    /** A bank card without the Faregate application. */
    private void foreignCard() {
        Gate gate = city.exitGate(2);
        VirtualCard bankCard = new VirtualCard() {
            @Override
            public byte[] atr() {
                return VirtualCard.contactlessAtr();
            }

            @Override
            public byte[] process(byte[] commandApdu) {
                return new byte[] {0x6A, (byte) 0x82};
            }

            @Override
            public void reset() {
            }
        };
        city.terminals().insert(gate.terminalName(), bankCard);
        try {
            TapDecision decision = city.recorded(null, gate, gate.validator().tapCard(city.terminal(gate)), 0);
            city.event("foreign card at " + gate.id() + ": " + decision.reason().code());
        } finally {
            city.terminals().remove(gate.terminalName());
        }
    }

    private TapDecision presentCode(Gate gate, Bytes code) {
        return city.recorded(null, gate, gate.validator().presentQrImage(ZxingQrCodec.render(code, 3))
                .orElseThrow(() -> new IllegalStateException("unreadable rendered code")), 0);
    }

    private Optional<Rider> riderWith(Predicate<Rider> wanted) {
        return city.riders().stream().filter(wanted).findFirst();
    }

    private Optional<Rider> firstQrRiderTravellingAfter(LocalTime time) {
        Instant after = city.at(time);
        return riderWith(r -> r.plan().media() == Media.PHONE_QR && r.plan().trips().get(0).departAt().isAfter(after));
    }

    private int stationIndex(Station station) {
        return Integer.parseInt(station.id().substring(1)) - 1;
    }
}
