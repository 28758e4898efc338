package io.polyshop.identity.config;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.polyshop.identity.adapter.out.bcrypt.BcryptPasswordHasher;
import io.polyshop.identity.adapter.out.jose.JoseAccessTokens;
import io.polyshop.identity.adapter.out.jose.SigningKeyJwks;
import io.polyshop.identity.adapter.out.postgres.JdbcLoginAttempts;
import io.polyshop.identity.adapter.out.postgres.JdbcRefreshTokens;
import io.polyshop.identity.adapter.out.postgres.JdbcRegistrationAttempts;
import io.polyshop.identity.adapter.out.postgres.JdbcRolePermissions;
import io.polyshop.identity.adapter.out.postgres.JdbcSigningKeys;
import io.polyshop.identity.adapter.out.postgres.JdbcUsers;
import io.polyshop.identity.adapter.out.postgres.OutboxAccountEvents;
import io.polyshop.identity.adapter.out.redis.RedisRevokedTokens;
import io.polyshop.identity.application.Authentication;
import io.polyshop.identity.application.PasswordChange;
import io.polyshop.identity.application.Registration;
import io.polyshop.identity.application.RoleAdministration;
import io.polyshop.identity.application.TokenKeys;
import io.polyshop.identity.application.port.out.AccessTokens;
import io.polyshop.identity.application.port.out.PasswordHasher;
import io.polyshop.identity.application.port.out.RevokedTokens;
import io.polyshop.identity.application.port.out.SigningKeys;
import io.polyshop.identity.application.port.out.Users;
import io.polyshop.identity.domain.LoginThrottle;
import io.polyshop.platform.messaging.Outbox;
import io.polyshop.platform.security.GuardedEndpoints;
import io.polyshop.platform.security.Permission;
import io.polyshop.platform.security.PublicEndpoints;
import io.polyshop.platform.security.TokenRevocations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    /** Registration, login, refresh, logout and the JWKS need no token (the API document is public everywhere). */
    @Bean
    PublicEndpoints identityPublicEndpoints() {
        return PublicEndpoints.of(
                "POST /api/v1/identity/users",
                "POST /api/v1/identity/tokens",
                "POST /api/v1/identity/tokens/refresh",
                "POST /api/v1/identity/tokens/revoke",
                "GET /oauth2/jwks");
    }

    /** Granting roles and rotating keys: decided before the request reaches the controller. */
    @Bean
    GuardedEndpoints identityGuardedEndpoints() {
        return GuardedEndpoints.builder()
                .require(HttpMethod.PUT, "/api/v1/identity/users/*/roles/*", Permission.ROLE_GRANT)
                .require(HttpMethod.DELETE, "/api/v1/identity/users/*/roles/*", Permission.ROLE_GRANT)
                .require(HttpMethod.POST, "/api/v1/identity/keys/rotation", Permission.SIGNING_KEY_ROTATE)
                .build();
    }

    /** Hex, as the encryptor takes it; the secret is what must stay secret. */
    private static final String SIGNING_KEY_SALT =
            HexFormat.of().formatHex("polyshop-signing-keys".getBytes(StandardCharsets.UTF_8));

    @Bean
    SigningKeys signingKeys(
            JdbcClient jdbc, TransactionTemplate transactions, IdentityProperties settings, Clock clock) {
        JdbcSigningKeys keys = new JdbcSigningKeys(
                jdbc,
                transactions,
                settings.accessTokenLifetime(),
                clock,
                Encryptors.stronger(settings.signingKeySecret(), SIGNING_KEY_SALT));
        keys.sealPlainKeys();
        return keys;
    }

    /** Identity checks its own tokens against its own keys, without a round trip to its JWKS. */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, IdentityProperties settings, TokenRevocations revocations) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, (selector, context) -> {
            var known = selector.select(SigningKeyJwks.publicKeySet(keys.published()));
            return known.isEmpty() ? selector.select(SigningKeyJwks.publicKeySet(keys.reload())) : known;
        }));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()), revocations));
        return decoder;
    }

    @Bean
    Users users(JdbcClient jdbc) {
        return new JdbcUsers(jdbc);
    }

    @Bean
    PasswordHasher passwordHasher(IdentityProperties settings) {
        return new BcryptPasswordHasher(settings.bcryptStrength());
    }

    @Bean
    Registration registration(
            Users users,
            PasswordHasher hasher,
            Outbox outbox,
            JdbcClient jdbc,
            IdentityProperties settings,
            Clock clock) {
        return new Registration(
                users,
                hasher,
                new OutboxAccountEvents(outbox, clock),
                new JdbcRegistrationAttempts(jdbc),
                settings.maxRegistrationsPerClient(),
                settings.registrationWindow(),
                clock);
    }

    @Bean
    Authentication authentication(
            Users users,
            PasswordHasher hasher,
            AccessTokens accessTokens,
            JdbcClient jdbc,
            IdentityProperties settings,
            Clock clock) {
        return new Authentication(
                users,
                hasher,
                accessTokens,
                new JdbcRolePermissions(jdbc),
                new JdbcRefreshTokens(jdbc),
                new JdbcLoginAttempts(jdbc),
                new LoginThrottle(
                        settings.maxFailuresPerAccountAndClient(),
                        settings.maxFailuresPerClient(),
                        settings.throttleWindow()),
                settings.refreshTokenLifetime(),
                clock);
    }

    @Bean
    AccessTokens accessTokens(SigningKeys keys, IdentityProperties settings, Clock clock) {
        return new JoseAccessTokens(keys, settings.issuer(), settings.accessTokenLifetime(), clock);
    }

    @Bean
    TokenKeys tokenKeys(AccessTokens accessTokens, SigningKeys keys) {
        return new TokenKeys(accessTokens, keys);
    }

    @Bean
    PasswordChange passwordChange(Users users, PasswordHasher hasher, JdbcClient jdbc, RevokedTokens revokedTokens) {
        return new PasswordChange(users, hasher, new JdbcRefreshTokens(jdbc), revokedTokens);
    }

    @Bean
    RoleAdministration roleAdministration(Users users, RevokedTokens revokedTokens) {
        return new RoleAdministration(users, revokedTokens);
    }

    @Bean
    RevokedTokens revokedTokens(TokenRevocations revocations, IdentityProperties settings) {
        return new RedisRevokedTokens(revocations, settings.accessTokenLifetime());
    }
}
