package io.polyshop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polyshop.identity.api.IdentityEvents;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signing up: who may register, with what address, name and password, and what is stored and announced. */
class RegistrationIT extends IdentityTestSupport {

    @Test
    void registersACustomerAndAnnouncesIt() {
        String email = newEmail();

        var response = identity.register(email, PASSWORD, "Grace Hopper");

        assertThat(response.status()).isEqualTo(201);
        var user = response.json();
        assertThat(user.get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
        String id = user.get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> eventTypesFor(id).contains(IdentityEvents.USER_REGISTERED));
    }

    @Test
    void treatsEmailAddressesAsEqualIgnoringCase() {
        String email = newEmail();
        identity.register(email, PASSWORD, "First");

        var duplicate = identity.register(email.toUpperCase(), PASSWORD, "Second");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(identity.logIn(email.toUpperCase(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void rejectsWeakPasswordsAndBadAddressesNamingTheFieldAndStoringNothing() {
        long before = users();

        var weak = identity.register(newEmail(), "password", "Weak");
        var badAddress = identity.register("not-an-address", PASSWORD, "Nobody");

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("\"field\":\"password\"").contains("at least 12 characters");
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body()).contains("\"field\":\"email\"");
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void refusesPasswordsLongerThanTheHashReadsWith400AndNever500() {
        long before = users();
        String email = newEmail();

        var tooLong = identity.register(email, "correct horse battery staple 2026 ".repeat(3), "Long");
        var longest = identity.register(email, "x".repeat(71) + "1", "Longest");

        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"password\"").contains("at most 72 bytes");
        assertThat(longest.status()).isEqualTo(201);
        assertThat(users()).isEqualTo(before + 1);
        assertThat(identity.logIn(email, "x".repeat(71) + "1" + "ignored by nobody")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void storesAddressesAndNamesInNfkcAndRefusesInvisibleCharacters() {
        long before = users();
        String local = "user-" + UUID.randomUUID();
        String fullWidth = local.replace("user", "\uFF55\uFF53\uFF45\uFF52") + "@example.com";

        var registered = identity.register(fullWidth, PASSWORD, "\uFF27race");
        var bidiName = identity.register(newEmail(), PASSWORD, "Grace \u202Eevil");
        var zeroWidthAddress =
                identity.register("gr\u200Bace-" + UUID.randomUUID() + "@example.com", PASSWORD, "Grace");

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("email").asString()).isEqualTo(local + "@example.com");
        assertThat(registered.json().get("displayName").asString()).isEqualTo("Grace");
        assertThat(identity.logIn(local + "@example.com", PASSWORD).status()).isEqualTo(200);
        assertThat(bidiName.status()).isEqualTo(400);
        assertThat(bidiName.body()).contains("\"field\":\"displayName\"").contains("U+202E");
        assertThat(zeroWidthAddress.status()).isEqualTo(400);
        assertThat(zeroWidthAddress.body()).contains("\"field\":\"email\"");
        assertThat(users()).isEqualTo(before + 1);
    }

    @Test
    void treatsSqlInjectionPayloadsAsPlainData() {
        long before = users();
        String email = "robert'--" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String name = "Robert'); DROP TABLE app_user;--";

        var registered = identity.register(email, PASSWORD, name);
        var injectedLogin = identity.logIn("' OR '1'='1", "' OR '1'='1");
        var injectedEmail = identity.logIn("admin@polyshop.test' --", "anything at all 1");

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("displayName").asString()).isEqualTo(name);
        assertThat(injectedLogin.status()).isEqualTo(401);
        assertThat(injectedEmail.status()).isEqualTo(401);
        assertThat(users()).isEqualTo(before + 1);
    }

    @Test
    void refusesOversizedBodiesWith413AndStoresNothing() {
        long before = users();

        var response = identity.register(newEmail(), PASSWORD, "x".repeat(2_000_000));

        assertThat(response.status()).isEqualTo(413);
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void publishesItsOpenApiDocumentWithoutAToken() {
        var document = identity.send("GET", "/v3/api-docs", null, null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\":\"3.").contains("/api/v1/identity/tokens");
    }
}
