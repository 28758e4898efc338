package io.polyshop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReservationTest {

    private static final Instant EXPIRY = Instant.parse("2026-12-05T12:00:00Z");
    private static final StockLine TWO_LAPTOPS = new StockLine(new Sku("LAP-0001"), 2);
    private static final StockLine ONE_MOUSE = new StockLine(new Sku("MOU-0001"), 1);

    private static Reservation held(StockLine... lines) {
        return Reservation.held(new ReservationId("order-1"), "order-1", List.of(lines), EXPIRY, Optional.empty());
    }

    @Test
    void aHeldReservationIsConfirmedOnceAndThenReleasedOrNothing() {
        Reservation confirmed = held(TWO_LAPTOPS).confirmed();

        assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThatThrownBy(confirmed::confirmed).isInstanceOf(IllegalStateException.class);
        assertThat(confirmed.released("order cancelled").status()).isEqualTo(ReservationStatus.RELEASED);
    }

    @Test
    void aReleasedOrRejectedReservationHoldsNothingToRelease() {
        Reservation released = held(TWO_LAPTOPS).released("payment declined");

        assertThatThrownBy(() -> released.released("again")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> held(TWO_LAPTOPS).rejected("short").released("again"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void expiresOnlyWhileHeldAndFromItsExpiryOn() {
        assertThat(held(TWO_LAPTOPS).isExpiredAt(EXPIRY.minusMillis(1))).isFalse();
        assertThat(held(TWO_LAPTOPS).isExpiredAt(EXPIRY)).isTrue();
        assertThat(held(TWO_LAPTOPS).confirmed().isExpiredAt(EXPIRY.plusSeconds(60)))
                .isFalse();
    }

    @Test
    void aRepeatedRequestIsTheSameWhateverTheOrderOfItsLines() {
        Reservation reservation = held(TWO_LAPTOPS, ONE_MOUSE);

        assertThat(reservation.hasLines(List.of(ONE_MOUSE, TWO_LAPTOPS))).isTrue();
        assertThat(reservation.hasLines(List.of(TWO_LAPTOPS))).isFalse();
        assertThat(reservation.hasLines(List.of(new StockLine(new Sku("LAP-0001"), 3), ONE_MOUSE)))
                .isFalse();
    }

    @Test
    void refusesNoLinesAndASkuNamedTwice() {
        assertThatThrownBy(() -> held()).hasMessage("lines: must not be empty");
        assertThatThrownBy(() -> held(TWO_LAPTOPS, new StockLine(new Sku("LAP-0001"), 1)))
                .isInstanceOf(InvalidStockRequestException.class)
                .hasMessage("lines: names LAP-0001 twice");
    }

    @Test
    void aReleaseBeforeAnyReservationLeavesAReleasedMarkerWithoutLines() {
        Reservation marker = Reservation.releasedUnseen(
                new ReservationId("order-2"), EXPIRY, Optional.empty(), "released before it was reserved");

        assertThat(marker.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(marker.lines()).isEmpty();
    }

    @Test
    void neverHoldsMoreThanIsOnHand() {
        assertThat(new StockLevel(new Sku("LAP-0001"), 5, 3).available()).isEqualTo(2);
        assertThatThrownBy(() -> new StockLevel(new Sku("LAP-0001"), 2, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never oversold");
    }
}
