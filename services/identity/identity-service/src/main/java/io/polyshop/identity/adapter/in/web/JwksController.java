package io.polyshop.identity.adapter.in.web;

import io.polyshop.identity.application.TokenKeys;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys that verify identity's tokens, for the gateway and every service. */
@RestController
class JwksController {

    static final String PATH = "/oauth2/jwks";

    private final TokenKeys keys;

    JwksController(TokenKeys keys) {
        this.keys = keys;
    }

    @GetMapping(PATH)
    Map<String, Object> jwks() {
        return keys.published();
    }
}
