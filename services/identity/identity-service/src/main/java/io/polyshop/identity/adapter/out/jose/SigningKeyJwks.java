package io.polyshop.identity.adapter.out.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.polyshop.identity.application.port.out.SigningKeys.SigningKey;
import java.util.List;

/** Signing keys as JSON Web Keys: public ones for verifying and publishing, private ones for signing. */
public final class SigningKeyJwks {

    private SigningKeyJwks() {}

    public static RSAKey publicJwk(SigningKey key) {
        return new RSAKey.Builder(key.publicKey())
                .keyID(key.kid())
                .algorithm(JWSAlgorithm.RS256)
                .keyUse(KeyUse.SIGNATURE)
                .build();
    }

    static RSAKey signingJwk(SigningKey key) {
        return new RSAKey.Builder(publicJwk(key)).privateKey(key.privateKey()).build();
    }

    /** The public half of every published key. */
    public static JWKSet publicKeySet(List<SigningKey> keys) {
        return new JWKSet(keys.stream().<JWK>map(SigningKeyJwks::publicJwk).toList());
    }
}
