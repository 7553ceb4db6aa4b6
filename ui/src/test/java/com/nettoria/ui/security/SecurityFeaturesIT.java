package com.nettoria.ui.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nettoria.ui.security.ratelimit.RateLimiter;
import com.nettoria.ui.support.WalletApiClient;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.nettoria.ui.security.TestJwts.generateRsa;
import static com.nettoria.ui.security.TestJwts.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token security beyond the baseline ({@link SecurityIT}), over real HTTP in an application of its own:
 * key rotation through the admin API with a key directory of its own and a clock the tests move; the session
 * check (a test bean stands in for the identity feature's); an external OpenID Connect provider played by a real
 * WireMock server serving its discovery document and key set, with tokens signed here; the CORS allow-list; the
 * 429 answer of a rate-limited endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nettoria.security.jwt.key-retention=30m",
        "nettoria.security.jwt.key-reload-interval=1h",
        "nettoria.security.oidc.roles-claim=realm_access.roles",
        "nettoria.security.oidc.subject-claim=preferred_username",
        "nettoria.security.cors.allowed-origins=https://portal.example",
        "nettoria.security.rate-limits.test-attempts.capacity=2",
        "nettoria.security.rate-limits.test-attempts.refill-period=1h"})
@Import(SecurityFeaturesIT.TestBeans.class)
class SecurityFeaturesIT {

    private static final String ISSUER = "nettoria";
    private static final String AUDIENCE = "nettoria-api";
    private static final String PORTAL = "https://portal.example";

    private static final WireMockServer PROVIDER = new WireMockServer(wireMockConfig().dynamicPort());
    private static final RSAKey PROVIDER_RSA = generateRsa("provider-rsa");
    private static final ECKey PROVIDER_EC = generateEc("provider-ec");
    private static final Path KEY_DIRECTORY = temporaryDirectory();

    static {
        PROVIDER.start();
        PROVIDER.stubFor(get(urlEqualTo("/realms/nettoria/.well-known/openid-configuration")).willReturn(okJson(
                "{\"issuer\":\"" + providerIssuer() + "\",\"jwks_uri\":\"" + PROVIDER.baseUrl()
                        + "/realms/nettoria/protocol/openid-connect/certs\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\",\"ES256\"]}")));
        PROVIDER.stubFor(get(urlEqualTo("/realms/nettoria/protocol/openid-connect/certs")).willReturn(okJson(
                new JWKSet(List.of(PROVIDER_RSA.toPublicJWK(), PROVIDER_EC.toPublicJWK())).toString(true))));
    }

    @DynamicPropertySource
    static void keysAndProvider(DynamicPropertyRegistry registry) {
        registry.add("nettoria.security.jwt.generated-key-directory", KEY_DIRECTORY::toString);
        registry.add("nettoria.security.oidc.issuer-uri", SecurityFeaturesIT::providerIssuer);
    }

    @AfterAll
    static void stopProvider() throws IOException {
        PROVIDER.stop();
        FileSystemUtils.deleteRecursively(KEY_DIRECTORY);
    }

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordingSessionCheck sessionCheck;

    @Autowired
    RateLimiter rateLimiter;

    WalletApiClient api;
    String subject;

    @BeforeEach
    void setUp() {
        api = new WalletApiClient(port);
        subject = "feat-" + UUID.randomUUID();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- test beans -----------------------------------------------------------------------------------------

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {

        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.system();
        }

        @Bean
        @Primary // over the identity feature's check, when there is one
        RecordingSessionCheck recordingSessionCheck() {
            return new RecordingSessionCheck();
        }

        @Bean
        AttemptsController attemptsController(RateLimiter rateLimiter) {
            return new AttemptsController(rateLimiter);
        }
    }

    /** Stands in for the identity feature's check: answers per subject what a test set, else the token's roles. */
    static final class RecordingSessionCheck implements TokenSessionCheck {

        final Map<String, Function<Jwt, Optional<Set<String>>>> answers = new ConcurrentHashMap<>();
        final Map<String, List<Jwt>> asked = new ConcurrentHashMap<>();

        @Override
        public Optional<Set<String>> currentRoles(Jwt jwt) {
            asked.computeIfAbsent(jwt.getSubject(), s -> new CopyOnWriteArrayList<>()).add(jwt);
            return answers.getOrDefault(jwt.getSubject(), token -> {
                List<String> roles = token.getClaimAsStringList(Roles.CLAIM);
                return Optional.of(roles == null ? Set.of() : Set.copyOf(roles));
            }).apply(jwt);
        }
    }

    /**
     * An endpoint limited like the login will be: two attempts per caller per hour. A test component, so that
     * component scanning leaves it out and only {@link TestBeans} registers it.
     */
    @TestComponent
    @RestController
    static class AttemptsController {

        private final RateLimiter rateLimiter;

        AttemptsController(RateLimiter rateLimiter) {
            this.rateLimiter = rateLimiter;
        }

        @PostMapping("/api/test/attempts")
        Map<String, String> attempt(@AuthenticationPrincipal Jwt caller) {
            rateLimiter.consume("test-attempts", caller.getSubject());
            return Map.of("attempt", "counted");
        }
    }

    // ---- tokens built by hand -------------------------------------------------------------------------------

    private static String providerIssuer() {
        return PROVIDER.baseUrl() + "/realms/nettoria";
    }

    private static ECKey generateEc(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("nettoria-features-jwt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This platform's claims, valid for a day (longer than any key's retention), by the test clock. */
    private JWTClaimsSet platformClaims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofDays(1))))
                .claim(Roles.CLAIM, List.of(Roles.CUSTOMER)).build();
    }

    private String signedBy(RSAKey key) {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), platformClaims(),
                    new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Keycloak-like access token of the provider, with the given realm roles. */
    private JWTClaimsSet.Builder providerClaims(List<String> realmRoles) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(providerIssuer()).audience(List.of(AUDIENCE, "account"))
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("azp", "nettoria-portal").claim("typ", "Bearer")
                .claim("realm_access", Map.of("roles", realmRoles));
    }

    private static String providerRs256(JWTClaimsSet claims, RSAKey key) {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                    .build(), claims, new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String providerToken(List<String> realmRoles) {
        return providerRs256(providerClaims(realmRoles).build(), PROVIDER_RSA);
    }

    private String providerToken(UnaryOperator<JWTClaimsSet.Builder> change) {
        return providerRs256(change.apply(providerClaims(List.of("customer"))).build(), PROVIDER_RSA);
    }

    // ---- assertions -----------------------------------------------------------------------------------------

    private static void assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.isProblem()).as("Content-Type of %s", response).isTrue();
        assertThat(response.json().path("code").asText()).isEqualTo(code);
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }

    private void assertRefused(String token) {
        ApiResponse refused = api.wallet(token, "USD");
        assertProblem(refused, 401, "auth.unauthenticated");
        assertThat(refused.header(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").contains("invalid_token");
    }

    /** Passes security on an admin path (and finds nothing there), or is refused with 403. */
    private int adminPathStatus(String token) {
        return api.get("/api/admin/anything", token).status();
    }

    private List<String> publishedKeyIds() {
        JsonNode keys = api.get("/.well-known/jwks.json", null).json().path("keys");
        return java.util.stream.StreamSupport.stream(keys.spliterator(), false)
                .map(key -> key.path("kid").asText()).toList();
    }

    private String admin() {
        return tokens.issue("admin-" + UUID.randomUUID(), List.of(Roles.ADMIN)).accessToken();
    }

    @Nested
    class KeyRotation {

        @Test
        void aTokenOfThePreviousKeyWorksAfterRotationUntilTheRetentionIsOverAndTheKeySetListsBothMeanwhile()
                throws Exception {
            RSAKey previous = signingKeys.signingKey().orElseThrow();
            String signedBefore = signedBy(previous);
            assertThat(api.openWallet(signedBefore, "USD").status()).isEqualTo(201);

            ApiResponse rotated = api.post("/api/admin/security/signing-keys/rotate", admin(), Map.of(), null);

            assertThat(rotated.status()).as("%s", rotated).isEqualTo(200);
            String newKeyId = rotated.json().path("kid").asText();
            assertThat(rotated.json().path("active").asBoolean()).isTrue();
            assertThat(newKeyId).isNotEqualTo(previous.getKeyID());
            assertThat(publishedKeyIds()).contains(newKeyId, previous.getKeyID()).first().isEqualTo(newKeyId);
            assertThat(api.wallet(signedBefore, "USD").status()).as("the previous key still verifies").isEqualTo(200);
            String issuedAfter = tokens.issue(subject, List.of(Roles.CUSTOMER), "session-r").accessToken();
            assertThat(SignedJWT.parse(issuedAfter).getHeader().getKeyID()).isEqualTo(newKeyId);
            assertThat(api.wallet(issuedAfter, "USD").status()).isEqualTo(200);

            JsonNode listed = api.get("/api/admin/security/signing-keys", admin()).json();
            assertThat(listed.get(0).path("kid").asText()).isEqualTo(newKeyId);
            assertThat(listed.get(0).path("active").asBoolean()).isTrue();
            assertThat(listed.get(0).path("created").asText()).isNotBlank();
            JsonNode previousListed = listed.get(1);
            assertThat(previousListed.path("kid").asText()).isEqualTo(previous.getKeyID());
            assertThat(previousListed.path("active").asBoolean()).isFalse();
            Instant retiresAt = Instant.parse(previousListed.path("retiresAt").asText());
            assertThat(retiresAt).isEqualTo(Instant.parse(listed.get(0).path("created").asText())
                    .plus(Duration.ofMinutes(30)));

            clock.advance(Duration.between(clock.instant(), retiresAt).plusSeconds(1));

            assertRefused(signedBefore);
            assertThat(api.wallet(signedBy(signingKeys.signingKey().orElseThrow()), "USD").status())
                    .as("the same claims signed by the new key").isEqualTo(200);
            assertThat(publishedKeyIds()).doesNotContain(previous.getKeyID()).contains(newKeyId);
        }

        @Test
        void onlyAnAdminListsOrRotatesTheSigningKeys() {
            String customer = tokens.issue(subject, List.of(Roles.CUSTOMER, Roles.SUPPORT)).accessToken();

            assertProblem(api.get("/api/admin/security/signing-keys", customer), 403, "auth.forbidden");
            assertProblem(api.post("/api/admin/security/signing-keys/rotate", customer, Map.of(), null), 403,
                    "auth.forbidden");
            assertProblem(api.post("/api/admin/security/signing-keys/rotate", null, Map.of(), null), 401,
                    "auth.unauthenticated");
        }

        @Test
        void keepsTheGeneratedKeysInTheKeyDirectory() throws IOException {
            try (var files = Files.list(KEY_DIRECTORY)) {
                assertThat(files.map(file -> file.getFileName().toString())).contains("jwt-private.pem");
            }
            String current = signingKeys.signingKey().orElseThrow().getKeyID();
            if (!current.equals("nettoria-1")) {
                assertThat(KEY_DIRECTORY.resolve("signing-key-" + current + ".json")).exists();
            }
        }
    }

    @Nested
    class SessionCheck {

        @Test
        void refusesATokenWhoseSessionEndedWith401Problem() {
            String token = tokens.issue(subject, List.of(Roles.CUSTOMER), "session-ended").accessToken();
            assertThat(api.openWallet(token, "USD").status()).isEqualTo(201);

            sessionCheck.answers.put(subject, jwt -> Optional.empty());

            ApiResponse refused = api.wallet(token, "USD");
            assertProblem(refused, 401, "auth.unauthenticated");
            assertThat(refused.json().path("detail").asText()).contains("session ended or account suspended");
            assertThat(refused.header(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
        }

        @Test
        void refusesTheRequestWith503ProblemWhenTheCheckFails() {
            String token = tokens.issue(subject, List.of(Roles.CUSTOMER), "session-1").accessToken();

            sessionCheck.answers.put(subject, jwt -> {
                throw new IllegalStateException("session store unreachable");
            });

            ApiResponse refused = api.wallet(token, "USD");
            assertProblem(refused, 503, "auth.check-unavailable");
            assertThat(refused.body()).doesNotContain("session store unreachable");
        }

        @Test
        void asksTheCheckWithTheTokenAndItsSessionId() {
            String token = tokens.issue(subject, List.of(Roles.CUSTOMER), "session-42").accessToken();

            api.wallet(token, "USD");

            assertThat(sessionCheck.asked.get(subject)).singleElement().satisfies(jwt -> {
                assertThat(jwt.getClaimAsString("sid")).isEqualTo("session-42");
                assertThat(jwt.getTokenValue()).isEqualTo(token);
            });
        }

        @Test
        void dropsARoleTheCheckNoLongerGrants() {
            String token = tokens.issue(subject, List.of(Roles.CUSTOMER, Roles.ADMIN), "session-1").accessToken();
            assertThat(adminPathStatus(token)).as("the control: both roles granted").isEqualTo(404);

            sessionCheck.answers.put(subject, jwt -> Optional.of(Set.of(Roles.CUSTOMER)));

            assertProblem(api.get("/api/admin/anything", token), 403, "auth.forbidden");
            assertThat(api.openWallet(token, "USD").status()).isEqualTo(201);
        }

        @Test
        void neverGrantsARoleTheTokenWasNotIssuedWith() {
            String token = tokens.issue(subject, List.of(Roles.CUSTOMER), "session-1").accessToken();

            sessionCheck.answers.put(subject, jwt -> Optional.of(Set.of(Roles.CUSTOMER, Roles.ADMIN)));

            assertProblem(api.get("/api/admin/anything", token), 403, "auth.forbidden");
        }
    }

    @Nested
    class ExternalProvider {

        @Test
        void acceptsAnRs256TokenOfTheProviderWithRolesFromTheConfiguredClaim() {
            String admin = providerToken(List.of("admin", "offline_access", "uma_authorization"));
            String customer = providerToken(List.of("customer", "offline_access"));

            assertThat(adminPathStatus(admin)).as("an admin passes security and finds nothing").isEqualTo(404);
            assertProblem(api.get("/api/admin/anything", customer), 403, "auth.forbidden");
        }

        @Test
        void acceptsAnEs256TokenOfTheProvider() throws JOSEException {
            String token = sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(PROVIDER_EC.getKeyID()).build(),
                    providerClaims(List.of("ADMIN")).build(), new ECDSASigner(PROVIDER_EC));

            assertThat(adminPathStatus(token)).isEqualTo(404);
        }

        @Test
        void keepsOnlyThePlatformsRolesInAnyLetterCase() {
            assertProblem(api.get("/api/admin/anything", providerToken(List.of("superuser", "root", "ROLE_ADMIN",
                    "admins"))), 403, "auth.forbidden");
            assertThat(adminPathStatus(providerToken(List.of("Admin")))).isEqualTo(404);
        }

        @Test
        void takesTheCallersSubjectFromTheConfiguredClaimAndDoesNotAskTheSessionCheck() {
            String token = providerToken(List.of("customer"));

            assertThat(api.openWallet(token, "USD").status()).isEqualTo(201);

            assertThat(sessionCheck.asked).doesNotContainKey(subject);
            String platformToken = tokens.issue(subject, List.of(Roles.CUSTOMER)).accessToken();
            assertThat(api.wallet(platformToken, "USD").status()).as("the same subject's wallet").isEqualTo(200);
        }

        @Test
        void refusesProviderTokensForAnotherAudienceExpiredOrWithoutTheSubjectClaim() {
            assertRefused(providerToken(claims -> claims.audience("account")));
            Instant longAgo = clock.instant().minus(Duration.ofHours(1));
            assertRefused(providerToken(claims -> claims.issueTime(Date.from(longAgo))
                    .expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(5))))));
            assertRefused(providerToken(claims -> claims.claim("preferred_username", null)));
        }

        @Test
        void refusesATokenClaimingTheProviderSignedByAKeyOutsideItsKeySet() {
            RSAKey stranger = generateRsa(PROVIDER_RSA.getKeyID());

            assertRefused(providerRs256(providerClaims(List.of("admin")).build(), stranger));
            assertRefused(providerRs256(providerClaims(List.of("admin")).build(), generateRsa("unknown-kid")));
        }

        @Test
        void refusesAnHmacTokenClaimingTheProviderKeyedWithItsPublicKey() throws JOSEException {
            JWSHeader hs256 = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(PROVIDER_RSA.getKeyID()).build();

            assertRefused(sign(hs256, providerClaims(List.of("admin")).build(),
                    new MACSigner(PROVIDER_RSA.toRSAPublicKey().getEncoded())));
        }

        @Test
        void refusesATokenOfAnIssuerThatIsNotTrustedEvenIfSignedByATrustedKey() {
            assertRefused(providerToken(claims -> claims.issuer(PROVIDER.baseUrl() + "/realms/other")));
            assertRefused(providerToken(claims -> claims.issuer(providerIssuer() + "/")));
            assertRefused(signedBy(PROVIDER_RSA)); // the platform's issuer, the provider's key
        }
    }

    @Nested
    class CrossOrigin {

        private ApiResponse preflight(String origin, String method, String headers) {
            return api.send(HttpMethod.OPTIONS, "/api/wallet/deposit", null, Map.of(
                    HttpHeaders.ORIGIN, origin,
                    HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method,
                    HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, headers), null);
        }

        @Test
        void answersAPreflightOfAnAllowedOriginWithTheCorsHeaders() {
            ApiResponse preflight = preflight(PORTAL, "POST", "authorization,content-type,idempotency-key,x-request-id");

            assertThat(preflight.status()).as("%s", preflight).isEqualTo(200);
            assertThat(preflight.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo(PORTAL);
            assertThat(preflight.header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).contains("POST");
            assertThat(preflight.header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS).toLowerCase())
                    .contains("authorization", "content-type", "idempotency-key", "x-request-id");
            assertThat(preflight.header(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isNull();
            assertThat(preflight.header(HttpHeaders.ACCESS_CONTROL_MAX_AGE)).isEqualTo("1800");
        }

        @Test
        void refusesAPreflightOfAForeignOriginWith403Problem() {
            ApiResponse refused = preflight("https://evil.example", "POST", "authorization");

            assertProblem(refused, 403, "cors.origin-not-allowed");
            assertThat(refused.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
        }

        @Test
        void refusesAPreflightOfAnAllowedOriginForAHeaderNotAllowed() {
            assertProblem(preflight(PORTAL, "POST", "x-forwarded-user"), 403, "cors.origin-not-allowed");
        }

        @Test
        void letsAnAllowedOriginReadTheApiHeadersOfAnActualResponseAndRefusesAForeignOne() {
            String token = tokens.issue(subject, List.of(Roles.CUSTOMER)).accessToken();

            ApiResponse allowed = api.send(HttpMethod.GET, "/api/wallet?currency=USD", token,
                    Map.of(HttpHeaders.ORIGIN, PORTAL), null);
            ApiResponse foreign = api.send(HttpMethod.GET, "/api/wallet?currency=USD", token,
                    Map.of(HttpHeaders.ORIGIN, "https://evil.example"), null);

            assertThat(allowed.status()).as("%s", allowed).isEqualTo(404);
            assertThat(allowed.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo(PORTAL);
            assertThat(allowed.header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS))
                    .contains("Location", "Retry-After", "X-Request-Id");
            assertProblem(foreign, 403, "cors.origin-not-allowed");
        }
    }

    @Nested
    class RateLimits {

        @Test
        void answersTooManyAttemptsWith429ProblemAndRetryAfterUntilTheKeyIsReset() {
            String token = tokens.issue(subject, List.of(Roles.CUSTOMER)).accessToken();
            assertThat(api.post("/api/test/attempts", token, Map.of(), null).status()).isEqualTo(200);
            assertThat(api.post("/api/test/attempts", token, Map.of(), null).status()).isEqualTo(200);

            ApiResponse refused = api.post("/api/test/attempts", token, Map.of(), null);

            assertProblem(refused, 429, "rate-limit.exceeded");
            assertThat(refused.json().path("title").asText()).isEqualTo("Too many attempts");
            // one attempt back every 30 minutes, counted from the first attempt a moment ago
            assertThat(Long.parseLong(refused.header(HttpHeaders.RETRY_AFTER))).isBetween(1700L, 1800L);
            assertThat(refused.json().path("retryAfter").asText()).isEqualTo(refused.header(HttpHeaders.RETRY_AFTER));

            rateLimiter.reset("test-attempts", subject);
            assertThat(api.post("/api/test/attempts", token, Map.of(), null).status()).isEqualTo(200);
        }

        @Test
        void hasThePlatformsPoliciesConfigured() {
            assertThat(rateLimiter.policies()).contains("login-per-account", "login-per-ip",
                    "code-entry-per-account", "code-send-per-account", "recovery-per-ip", "registration-per-ip");
        }
    }
}
