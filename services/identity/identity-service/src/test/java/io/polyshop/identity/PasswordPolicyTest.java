package io.polyshop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polyshop.identity.domain.EmailAddress;
import io.polyshop.identity.domain.InvalidFieldException;
import io.polyshop.identity.domain.LoginThrottle;
import io.polyshop.identity.domain.PasswordPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final EmailAddress email = new EmailAddress("Grace.Hopper@Example.com");

    @Test
    void acceptsALongPassphraseWithADigit() {
        assertThat(PasswordPolicy.violations("correct horse battery 9", email)).isEmpty();
    }

    @Test
    void rejectsShortLettersOnlyAndAddressBasedPasswords() {
        assertThat(PasswordPolicy.violations("short1", email)).containsExactly("must be at least 12 characters");
        assertThat(PasswordPolicy.violations("onlylettershere", email))
                .containsExactly("must contain a digit or a symbol");
        assertThat(PasswordPolicy.violations("grace.hopper-2024", email))
                .containsExactly("must not contain the e-mail address");
        assertThat(PasswordPolicy.violations("x".repeat(71) + "1", email)).isEmpty();
        assertThat(PasswordPolicy.violations("x".repeat(72) + "1", email))
                .singleElement()
                .asString()
                .startsWith("must be at most 72 bytes in UTF-8");
        assertThat(PasswordPolicy.violations("ä".repeat(36) + "1", email)).hasSize(1);
    }

    @Test
    void keepsAddressesInTheirNfkcFormAndRefusesInvisibleCharacters() {
        assertThat(new EmailAddress("\uFF47race@example.com").key()).isEqualTo("grace@example.com");
        for (String hidden :
                new String[] {"gr\u202Eace@example.com", "gr\u200Bace@example.com", "gr\u0007ace@example.com"}) {
            assertThatThrownBy(() -> new EmailAddress(hidden))
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessageContaining("invisible");
        }
    }

    @Test
    void comparesAddressesIgnoringCase() {
        assertThat(email.key()).isEqualTo("grace.hopper@example.com");
        assertThat(email.value()).isEqualTo("Grace.Hopper@Example.com");
    }

    @Test
    void backsOffOneClientOnOneAccountAndRefusesAClientThatGuessesEverywhere() {
        LoginThrottle throttle = new LoginThrottle(5, 50, Duration.ofMinutes(15));
        Instant last = Instant.parse("2026-12-04T12:00:00Z");

        assertThat(throttle.waitBefore(new LoginThrottle.Failures(4, Optional.of(last), 49), last))
                .isEmpty();
        assertThat(throttle.waitBefore(new LoginThrottle.Failures(5, Optional.of(last), 5), last.plusSeconds(10)))
                .contains(Duration.ofSeconds(20));
        assertThat(throttle.waitBefore(new LoginThrottle.Failures(5, Optional.of(last), 5), last.plusSeconds(30)))
                .isEmpty();
        assertThat(throttle.waitBefore(new LoginThrottle.Failures(7, Optional.of(last), 7), last))
                .contains(Duration.ofMinutes(2));
        assertThat(throttle.waitBefore(new LoginThrottle.Failures(40, Optional.of(last), 40), last))
                .contains(Duration.ofMinutes(15));
        assertThat(throttle.waitBefore(new LoginThrottle.Failures(0, Optional.empty(), 50), last))
                .contains(Duration.ofMinutes(15));
    }
}
