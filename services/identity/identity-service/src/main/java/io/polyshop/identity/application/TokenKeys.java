package io.polyshop.identity.application;

import io.polyshop.identity.application.port.out.AccessTokens;
import io.polyshop.identity.application.port.out.SigningKeys;
import java.util.Map;

/** The keys access tokens are signed with: published for whoever verifies tokens, rotated by staff. */
public class TokenKeys {

    private final AccessTokens tokens;
    private final SigningKeys keys;

    public TokenKeys(AccessTokens tokens, SigningKeys keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    /** The public key set; a key is made first if there is none yet. */
    public Map<String, Object> published() {
        return tokens.verificationKeys();
    }

    /** Retires the current key for a new one and answers the new key's id. */
    public String rotate() {
        return keys.rotate().kid();
    }
}
