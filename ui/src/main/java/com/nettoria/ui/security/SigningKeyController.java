package com.nettoria.ui.security;

import com.nettoria.ui.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The key ring for administrators (ADMIN, like all of {@code /api/admin/**}): list its keys, rotate. */
@RestController
@RequestMapping("/api/admin/security/signing-keys")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Security")
public class SigningKeyController {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyController.class);

    private final SigningKeys keys;

    public SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    @Operation(summary = "The signing keys: kid, when made, which one signs, when the older ones retire")
    public List<SigningKeys.KeyStatus> list() {
        return keys.status();
    }

    @PostMapping("/rotate")
    @Operation(summary = "Make a new signing key; the previous one keeps verifying for key-retention")
    public SigningKeys.KeyStatus rotate(@AuthenticationPrincipal Jwt caller) {
        if (!keys.rotatable()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "security.signing-keys-configured", "Keys are configured",
                    "the signing keys come from configuration: rotate them by configuring a new first key in "
                            + "nettoria.security.jwt.keys", null, null);
        }
        SigningKeys.KeyStatus created = keys.rotate();
        log.info("{} rotated the JWT signing key; {} signs from now on", caller.getSubject(), created.kid());
        return created;
    }
}
