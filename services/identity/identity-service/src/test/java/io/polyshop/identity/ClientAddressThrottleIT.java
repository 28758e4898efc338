package io.polyshop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.polyshop.platform.test.KeptToApiDocument;
import io.polyshop.platform.test.SpringEngineProperties;
import io.polyshop.platform.test.TestEngines;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Guessing across many accounts, or opening many, from one address is throttled (own context: it locks 127.0.0.1 out). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "polyshop.identity.max-failures-per-client=6",
            "polyshop.identity.max-failures-per-account-and-client=100",
            "polyshop.identity.max-registrations-per-client=3"
        })
@ActiveProfiles("test")
@ExtendWith(KeptToApiDocument.class)
class ClientAddressThrottleIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        SpringEngineProperties.postgres(registry, "identity_throttle");
        SpringEngineProperties.kafka(registry);
        registry.add("polyshop.security.revocations-url", TestEngines::redisUri);
    }

    @Test
    void refusesAnAddressThatGuessesAcrossManyAccounts() {
        IdentityClient identity = new IdentityClient(port);
        String email = "victim-" + UUID.randomUUID() + "@example.com";
        identity.register(email, "a long passphrase 42", "Victim");

        for (int account = 0; account < 6; account++) {
            assertThat(identity.logIn("guess-" + account + "@example.com", "sprayed password 1")
                            .status())
                    .isEqualTo(401);
        }
        var refused = identity.logIn(email, "a long passphrase 42");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("https://polyshop.io/problems/too-many-requests");
    }

    @Test
    void opensOnlySoManyAccountsForOneClientAndStoresNothingBeyond() {
        IdentityClient identity = new IdentityClient(port);
        IdentityClient busy = identity.from("203.0.113.77");
        for (int account = 0; account < 3; account++) {
            assertThat(busy.register("bulk-" + UUID.randomUUID() + "@example.com", "a long passphrase 42", "Bulk")
                            .status())
                    .isEqualTo(201);
        }
        String refusedEmail = "bulk-" + UUID.randomUUID() + "@example.com";

        var refused = busy.register(refusedEmail, "a long passphrase 42", "Bulk");
        var elsewhere = identity.from("198.51.100.77")
                .register("other-" + UUID.randomUUID() + "@example.com", "a long passphrase 42", "Other");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(busy.logIn(refusedEmail, "a long passphrase 42").status()).isEqualTo(401);
        assertThat(elsewhere.status()).isEqualTo(201);
    }
}
