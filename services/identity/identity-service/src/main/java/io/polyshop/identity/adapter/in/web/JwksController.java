package io.polyshop.identity.adapter.in.web;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.polyshop.identity.application.port.out.SigningKeys;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys that verify identity's tokens, for the gateway and every service. */
@RestController
class JwksController {

    static final String PATH = "/oauth2/jwks";

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(PATH)
    Map<String, Object> jwks() {
        keys.current();
        List<JWK> published = keys.published().stream()
                .<JWK>map(key -> new RSAKey.Builder(key.publicKey())
                        .keyID(key.kid())
                        .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                        .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
                        .build())
                .toList();
        return new JWKSet(published).toJSONObject(true);
    }
}
