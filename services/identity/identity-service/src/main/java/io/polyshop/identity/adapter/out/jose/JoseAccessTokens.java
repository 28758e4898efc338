package io.polyshop.identity.adapter.out.jose;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.polyshop.identity.application.port.out.AccessTokens;
import io.polyshop.identity.application.port.out.SigningKeys;
import io.polyshop.identity.domain.Role;
import io.polyshop.identity.domain.User;
import io.polyshop.platform.security.TokenRevocations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** RS256 access tokens through Spring Security's Nimbus encoder, signed with the current key. */
public class JoseAccessTokens implements AccessTokens {

    private final SigningKeys keys;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    public JoseAccessTokens(SigningKeys keys, String issuer, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public AccessToken issue(User user, Set<String> permissions) {
        SigningKeys.SigningKey key = keys.current();
        RSAKey jwk = SigningKeyJwks.signingJwk(key);
        NimbusJwtEncoder encoder = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(jwk)));
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(user.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(lifetime))
                .claim("email", user.email().value())
                .claim("roles", user.roles().stream().map(Role::name).sorted().toList())
                .claim("permissions", permissions.stream().sorted().toList())
                .claim(TokenRevocations.VERSION_CLAIM, user.tokenVersion())
                .build();
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.kid()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, lifetime);
    }

    @Override
    public Map<String, Object> verificationKeys() {
        keys.current();
        return SigningKeyJwks.publicKeySet(keys.published()).toJSONObject(true);
    }
}
