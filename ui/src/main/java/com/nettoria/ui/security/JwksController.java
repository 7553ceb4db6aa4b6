package com.nettoria.ui.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The public keys that verify this platform's access tokens (RFC 7517). */
@RestController
@Tag(name = "Security")
public class JwksController {

    private final SigningKeys keys;

    public JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    @Operation(summary = "The JSON Web Key Set that verifies access tokens")
    public Map<String, Object> jwks() {
        return keys.publicJwks().toJSONObject(true);
    }
}
