package com.nettoria.ui.identity;

import com.nettoria.coreapi.identity.ConfirmTwoFactorCommand;
import com.nettoria.coreapi.identity.DisableTwoFactorCommand;
import com.nettoria.coreapi.identity.RecoveryCodes;
import com.nettoria.coreapi.identity.Secret;
import com.nettoria.coreapi.identity.StartTwoFactorSetupCommand;
import com.nettoria.coreapi.identity.TwoFactorSetup;
import com.nettoria.ui.identity.IdentityApi.DisableTwoFactorRequest;
import com.nettoria.ui.identity.IdentityApi.RecoveryCodesResponse;
import com.nettoria.ui.identity.IdentityApi.TwoFactorCodeRequest;
import com.nettoria.ui.identity.IdentityApi.TwoFactorSetupResponse;
import com.nettoria.ui.security.ratelimit.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Two-factor authentication with TOTP (RFC 6238) and one-time recovery codes. */
@RestController
@RequestMapping("/api/auth/2fa")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Two-factor authentication")
public class TwoFactorController {

    private final IdentityRequests requests;
    private final RateLimiter limits;

    public TwoFactorController(IdentityRequests requests, RateLimiter limits) {
        this.requests = requests;
        this.limits = limits;
    }

    @PostMapping("/setup")
    @Operation(summary = "Start the setup: a new secret, its otpauth:// URI and a QR image to scan",
            description = "Nothing changes for logins until /api/auth/2fa/verify confirms a code from the app.")
    public TwoFactorSetupResponse setup(@AuthenticationPrincipal Jwt caller, HttpServletRequest request) {
        TwoFactorSetup setup = requests.as(caller, new StartTwoFactorSetupCommand(IdentityRequests.userOf(caller)),
                request);
        return new TwoFactorSetupResponse(setup.secret(), setup.otpauthUri(), setup.qrImageDataUri());
    }

    @PostMapping("/verify")
    @Operation(summary = "Enable two-factor authentication with my password and a code from the app; answers the recovery codes once")
    public RecoveryCodesResponse verify(@AuthenticationPrincipal Jwt caller,
                                        @Valid @RequestBody TwoFactorCodeRequest body, HttpServletRequest request) {
        limits.consume(RateLimits.CODE_ENTRY_PER_ACCOUNT, caller.getSubject());
        RecoveryCodes codes = requests.as(caller, new ConfirmTwoFactorCommand(IdentityRequests.userOf(caller),
                new Secret(body.password()), new Secret(body.code())), request);
        return new RecoveryCodesResponse(codes.codes());
    }

    @PostMapping("/disable")
    @Operation(summary = "Disable two-factor authentication (needs the password and a TOTP or recovery code)")
    public ResponseEntity<Void> disable(@AuthenticationPrincipal Jwt caller,
                                        @Valid @RequestBody DisableTwoFactorRequest body, HttpServletRequest request) {
        limits.consume(RateLimits.CODE_ENTRY_PER_ACCOUNT, caller.getSubject());
        requests.as(caller, new DisableTwoFactorCommand(IdentityRequests.userOf(caller), new Secret(body.password()),
                new Secret(body.code())), request);
        return ResponseEntity.noContent().build();
    }
}
