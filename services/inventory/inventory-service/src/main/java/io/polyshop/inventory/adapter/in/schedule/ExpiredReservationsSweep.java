package io.polyshop.inventory.adapter.in.schedule;

import io.polyshop.inventory.application.Reservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Gives back stock that checkouts held and never confirmed. Every instance sweeps; releases are conditional. */
public class ExpiredReservationsSweep {

    private static final Logger log = LoggerFactory.getLogger(ExpiredReservationsSweep.class);

    private final Reservations reservations;

    public ExpiredReservationsSweep(Reservations reservations) {
        this.reservations = reservations;
    }

    @Scheduled(fixedDelayString = "${polyshop.inventory.expiry-sweep:PT5S}")
    public void releaseExpired() {
        int released;
        do {
            released = reservations.releaseExpired();
            if (released > 0) {
                log.info("released {} expired reservation(s)", released);
            }
        } while (released > 0);
    }
}
