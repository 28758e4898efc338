package io.polyshop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.identity.domain.EmailAddress;
import io.polyshop.identity.domain.LoginThrottle;
import io.polyshop.identity.domain.PasswordPolicy;
import java.time.Duration;
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
        assertThat(PasswordPolicy.violations("x".repeat(129) + "1", email)).contains("must be at most 128 characters");
    }

    @Test
    void comparesAddressesIgnoringCase() {
        assertThat(email.key()).isEqualTo("grace.hopper@example.com");
        assertThat(email.value()).isEqualTo("Grace.Hopper@Example.com");
    }

    @Test
    void refusesLoginsOnceEitherLimitIsReached() {
        LoginThrottle throttle = new LoginThrottle(5, 50, Duration.ofMinutes(15));

        assertThat(throttle.refuses(4, 49)).isFalse();
        assertThat(throttle.refuses(5, 0)).isTrue();
        assertThat(throttle.refuses(0, 50)).isTrue();
    }
}
