package io.polyshop.identity.adapter.in.web;

import io.polyshop.identity.adapter.out.jose.SigningKeyJwks;
import io.polyshop.identity.application.port.out.SigningKeys;
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
        return SigningKeyJwks.publicKeySet(keys.published()).toJSONObject(true);
    }
}
