package com.nettoria.ui.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * Development only ({@code nettoria.security.dev-tokens.enabled=true}, off by default; tests and the benchmark switch it on): issues
 * an access token for any subject and roles, so the API can be tried before the identity issue's login
 * exists. Never enable it on a server others can reach.
 */
@RestController
@Tag(name = "Development")
@ConditionalOnProperty(name = "nettoria.security.dev-tokens.enabled", havingValue = "true")
public class DevTokenController {

    private static final Set<String> KNOWN_ROLES = Set.of(Roles.CUSTOMER, Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR);

    private final TokenIssuer issuer;

    public DevTokenController(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    public record DevTokenRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String subject,
            List<@Pattern(regexp = "CUSTOMER|SUPPORT|ADMIN|AUDITOR") String> roles) {
    }

    @PostMapping("/api/dev/tokens")
    @Operation(summary = "Issue a development access token (only with nettoria.security.dev-tokens.enabled)")
    public TokenIssuer.IssuedToken issue(@Valid @RequestBody DevTokenRequest request) {
        List<String> roles = request.roles() == null || request.roles().isEmpty()
                ? List.of(Roles.CUSTOMER) : request.roles().stream().filter(KNOWN_ROLES::contains).toList();
        return issuer.issue(request.subject(), roles);
    }
}
