package com.nettoria.ui.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.ui.support.WalletApiClient;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static com.nettoria.ui.security.TestJwts.rsaSigner;
import static com.nettoria.ui.security.TestJwts.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The API as an OAuth2 resource server, over real HTTP: which tokens open it (RS256 of this platform's key,
 * issuer and audience, unexpired) and which do not, roles, the public key set, security headers and the
 * operational endpoints. Every forged token is checked against a control token built the same way but valid,
 * so a refusal can only come from the one thing the forgery changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests switch metrics export off; the Prometheus endpoint needs it on
class SecurityIT {

    private static final String ISSUER = "nettoria";
    private static final String AUDIENCE = "nettoria-api";

    @LocalServerPort
    int port;

    @Autowired
    TokenIssuer tokens;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    WebApplicationContext context;

    WalletApiClient api;
    String subject;

    @BeforeEach
    void setUp() {
        api = new WalletApiClient(port);
        subject = "sec-" + UUID.randomUUID();
    }

    // ---- tokens built by hand -------------------------------------------------------------------------------

    private JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim(Roles.CLAIM, List.of(Roles.CUSTOMER));
    }

    private RSAKey platformKey() {
        return signingKeys.signingKey().orElseThrow();
    }

    private static String signRs256(JWTClaimsSet claims, RSAKey key) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims,
                rsaSigner(key));
    }

    private String platformToken(UnaryOperator<JWTClaimsSet.Builder> change) {
        return signRs256(change.apply(validClaims()).build(), platformKey());
    }

    /** Replaces one character in the middle of the token's signature (never a padding bit of the last one). */
    private static String flipSignatureCharacter(String token) {
        int signatureStart = token.lastIndexOf('.') + 1;
        int position = signatureStart + (token.length() - signatureStart) / 2;
        char original = token.charAt(position);
        char replacement = original == 'A' ? 'B' : 'A';
        return token.substring(0, position) + replacement + token.substring(position + 1);
    }

    private static String publicKeyPem(RSAKey key) throws JOSEException {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    // ---- assertions -----------------------------------------------------------------------------------------

    private static void assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.isProblem()).as("Content-Type of %s", response).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    /**
     * The token opens nothing: reading is 401, opening a wallet is 401 and opened nothing (checked with a
     * valid token for the same subject).
     */
    private void assertRefused(String token) {
        ApiResponse read = api.wallet(token, "USD");
        assertProblem(read, 401, "auth.unauthenticated");
        assertThat(read.header(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer").contains("invalid_token");

        assertProblem(api.openWallet(token, "USD"), 401, "auth.unauthenticated");
        assertProblem(api.wallet(platformToken(claims -> claims), "USD"), 404, "wallet.not-found");
    }

    @Nested
    class Authentication {

        @Test
        void refusesApiCallsWithoutATokenWith401ProblemAndABearerChallenge() {
            for (ApiResponse response : List.of(api.wallet(null, "USD"),
                    api.deposit(null, UUID.randomUUID().toString(), "1.00", "USD", null),
                    api.get("/api/wallet/transactions", null),
                    api.get("/api/no-such-thing", null))) {
                assertProblem(response, 401, "auth.unauthenticated");
                assertThat(response.header(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
            }
        }

        @Test
        void refusesAnAuthorizationHeaderThatIsNotABearerToken() {
            ApiResponse response = api.send(HttpMethod.GET, "/api/wallet", null,
                    Map.of(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                            .encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8))), null);

            assertProblem(response, 401, "auth.unauthenticated");
        }

        @Test
        void acceptsAHandBuiltTokenSignedWithThePlatformKeyTheControlForEveryForgery() {
            String token = platformToken(claims -> claims);

            assertThat(api.openWallet(token, "USD").status()).isEqualTo(201);
            assertThat(api.wallet(token, "USD").status()).isEqualTo(200);
        }

        @Test
        void refusesAGarbageToken() {
            assertRefused("not-a-jwt");
        }

        @Test
        void refusesATokenWhoseSignatureWasTamperedWith() {
            assertRefused(flipSignatureCharacter(platformToken(claims -> claims)));
        }

        @Test
        void refusesATokenWhoseClaimsWereChangedAfterSigning() {
            String[] genuine = platformToken(claims -> claims).split("\\.");
            String adminClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    validClaims().claim(Roles.CLAIM, List.of(Roles.ADMIN)).build().toString()
                            .getBytes(StandardCharsets.UTF_8));
            String forged = genuine[0] + "." + adminClaims + "." + genuine[2];

            assertRefused(forged);
            assertProblem(api.get("/actuator/prometheus", forged), 401, "auth.unauthenticated");
        }

        @Test
        void refusesAnExpiredToken() {
            Instant longAgo = Instant.now().minus(Duration.ofHours(1));
            assertRefused(platformToken(claims -> claims
                    .issueTime(Date.from(longAgo))
                    .notBeforeTime(Date.from(longAgo))
                    .expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(15))))));
        }

        @Test
        void refusesATokenNotValidBeforeALaterTime() {
            Instant later = Instant.now().plus(Duration.ofHours(1));
            assertRefused(platformToken(claims -> claims
                    .notBeforeTime(Date.from(later))
                    .expirationTime(Date.from(later.plus(Duration.ofMinutes(15))))));
        }

        @Test
        void refusesATokenSignedByAnotherRsaKeyEvenWithThePlatformsKeyId() throws JOSEException {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(platformKey().getKeyID()).keyUse(KeyUse.SIGNATURE)
                    .generate();

            assertRefused(signRs256(validClaims().build(), stranger));
        }

        @Test
        void refusesATokenSignedByAnUnknownKeyUnderAKeyIdTheRingDoesNotKnow() throws JOSEException {
            RSAKey stranger = new RSAKeyGenerator(2048).keyID("nettoria-20990101T000000Z-deadbeef")
                    .keyUse(KeyUse.SIGNATURE).generate();

            assertRefused(signRs256(validClaims().build(), stranger));
        }

        @Test
        void refusesATokenOfAnotherIssuer() {
            assertRefused(platformToken(claims -> claims.issuer("https://evil.example")));
            assertRefused(platformToken(claims -> claims.issuer(null)));
        }

        @Test
        void refusesATokenForAnotherAudience() {
            assertRefused(platformToken(claims -> claims.audience("another-api")));
            assertRefused(platformToken(claims -> claims.audience((String) null)));
        }

        @Test
        void refusesAnUnsignedTokenWithAlgorithmNone() {
            String unsigned = new PlainJWT(validClaims().build()).serialize();
            assertThat(unsigned).endsWith(".");

            assertRefused(unsigned);
        }

        @Test
        void refusesAnHmacTokenKeyedWithThePublicKeyAlgorithmConfusion() throws JOSEException {
            RSAKey platform = platformKey();
            JWSHeader hs256 = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(platform.getKeyID()).build();

            assertRefused(sign(hs256, validClaims().build(),
                    new MACSigner(publicKeyPem(platform).getBytes(StandardCharsets.US_ASCII))));
            assertRefused(sign(hs256, validClaims().build(),
                    new MACSigner(platform.toRSAPublicKey().getEncoded())));
        }

        @Test
        void issuesDevelopmentTokensTheApiAccepts() {
            ApiResponse issued = api.post("/api/dev/tokens", null, Map.of(),
                    WalletApiClient.json(Map.of("subject", subject, "roles", List.of("CUSTOMER"))));

            assertThat(issued.status()).as("%s", issued).isEqualTo(200);
            assertThat(issued.json().path("tokenType").asText()).isEqualTo("Bearer");
            assertThat(issued.json().path("expiresIn").asLong()).isPositive();
            String token = issued.json().path("accessToken").asText();
            assertThat(api.openWallet(token, "USD").status()).isEqualTo(201);
            assertThat(api.wallet(platformToken(claims -> claims), "USD").status())
                    .as("the dev token acted as its subject").isEqualTo(200);
        }

        @Test
        void refusesADevelopmentTokenRequestWithAnInvalidSubject() {
            ApiResponse refused = api.post("/api/dev/tokens", null, Map.of(),
                    WalletApiClient.json(Map.of("subject", "has spaces")));

            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().path("field").asText()).isEqualTo("subject");
        }
    }

    @Nested
    class Authorization {

        @Test
        void letsATokenWithoutTheCustomerRoleUseItsOwnWallet() {
            String roleless = tokens.issue(subject, List.of()).accessToken();

            assertThat(api.openWallet(roleless, "USD").status()).isEqualTo(201);
            ApiResponse wallet = api.wallet(roleless, "USD");

            assertThat(wallet.status()).as("%s", wallet).isEqualTo(200);
            assertThat(wallet.json().path("currency").asText()).isEqualTo("USD");
        }

        @Test
        void refusesAdminPathsWithout403ProblemUnlessTheTokenHasTheAdminRole() {
            String roleless = tokens.issue(subject, List.of()).accessToken();
            String customer = tokens.issue(subject, List.of(Roles.CUSTOMER, Roles.SUPPORT)).accessToken();
            String admin = tokens.issue(subject, List.of(Roles.ADMIN)).accessToken();

            for (String token : List.of(roleless, customer)) {
                ApiResponse refused = api.get("/api/admin/anything", token);
                assertProblem(refused, 403, "auth.forbidden");
                assertThat(refused.header(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
                assertProblem(api.post("/api/admin/anything", token, Map.of(), "{}"), 403, "auth.forbidden");
            }
            assertProblem(api.get("/api/admin/anything", null), 401, "auth.unauthenticated");
            ApiResponse passed = api.get("/api/admin/anything", admin);
            assertThat(passed.status()).as("an admin passes security and finds nothing there: %s", passed)
                    .isEqualTo(404);
        }

        @Test
        void refusesRoleClaimsThatOnlyLookLikeAdmin() {
            for (String role : List.of("admin", "ROLE_ADMIN", "ADMIN ")) {
                String token = platformToken(claims -> claims.claim(Roles.CLAIM, List.of(role)));
                assertProblem(api.get("/api/admin/anything", token), 403, "auth.forbidden");
            }
        }
    }

    @Nested
    class PublicKeys {

        @Test
        void servesThePublicRsaKeyThatVerifiesIssuedTokensAndNoPrivatePart() throws Exception {
            ApiResponse response = api.get("/.well-known/jwks.json", null);

            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(response.contentType().isCompatibleWith(MediaType.parseMediaType("application/jwk-set+json")))
                    .as("%s", response.contentType()).isTrue();
            JsonNode keys = response.json().path("keys");
            assertThat(keys).hasSize(1);
            JsonNode key = keys.get(0);
            assertThat(key.path("kty").asText()).isEqualTo("RSA");
            assertThat(key.path("kid").asText()).isEqualTo("nettoria-1");
            assertThat(key.path("alg").asText()).isEqualTo("RS256");
            assertThat(key.path("use").asText()).isEqualTo("sig");
            assertThat(key.path("n").asText()).isNotBlank();
            assertThat(key.path("e").asText()).isNotBlank();
            for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi", "oth")) {
                assertThat(key.has(privatePart)).as("private part %s", privatePart).isFalse();
            }

            JWK published = JWKSet.parse(response.body()).getKeys().get(0);
            assertThat(published.isPrivate()).isFalse();
            SignedJWT issued = SignedJWT.parse(tokens.issue(subject, List.of(Roles.CUSTOMER)).accessToken());
            assertThat(issued.getHeader().getKeyID()).isEqualTo(published.getKeyID());
            assertThat(issued.verify(new RSASSAVerifier(published.toRSAKey()))).isTrue();
        }
    }

    @Nested
    class Issuing {

        @Test
        void issuesSessionTokensSignedByTheActiveKeyWithTheSessionIdClaim() throws Exception {
            String token = tokens.issue(subject, List.of(Roles.CUSTOMER), "session-7").accessToken();

            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(jwt.getHeader().getKeyID()).isEqualTo(platformKey().getKeyID());
            assertThat(jwt.getJWTClaimsSet().getStringClaim(TokenIssuer.SESSION_ID_CLAIM)).isEqualTo("session-7");
            assertThat(jwt.getJWTClaimsSet().getStringListClaim(Roles.CLAIM)).containsExactly(Roles.CUSTOMER);
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
            assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(AUDIENCE);
            assertThat(api.openWallet(token, "USD").status()).isEqualTo(201);
        }

        @Test
        void issuesTokensWithoutASessionIdOutsideALoginSession() throws Exception {
            String token = tokens.issue(subject, List.of(Roles.CUSTOMER)).accessToken();

            assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaim(TokenIssuer.SESSION_ID_CLAIM)).isNull();
        }
    }

    @Nested
    class Headers {

        @Test
        void refusesCrossOriginCallsWith403ProblemWhileNoOriginIsAllowed() {
            ApiResponse preflight = api.send(HttpMethod.OPTIONS, "/api/wallet", null, Map.of(
                    HttpHeaders.ORIGIN, "https://portal.example",
                    HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"), null);

            assertProblem(preflight, 403, "cors.origin-not-allowed");
            assertThat(preflight.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
            assertThat(preflight.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }

        @Test
        void sendsSecurityHeadersOnApiResponsesAndOnRefusals() {
            String token = tokens.issue(subject, List.of(Roles.CUSTOMER)).accessToken();
            api.openWallet(token, "USD");

            for (ApiResponse response : List.of(api.wallet(token, "USD"), api.wallet(null, "USD"))) {
                assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
                assertThat(response.header("Content-Security-Policy"))
                        .contains("frame-ancestors 'none'")
                        .contains("default-src 'self'")
                        .contains("object-src 'none'");
                assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
                assertThat(response.header(HttpHeaders.CACHE_CONTROL)).contains("no-store");
                // Spring Security writes HSTS only on secure requests: plain HTTP never carries it.
                assertThat(response.header("Strict-Transport-Security")).isNull();
            }
        }

        @Test
        void sendsStrictTransportSecurityOnSecureRequests() throws Exception {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

            MvcResult result = mvc.perform(get("/.well-known/jwks.json").secure(true)).andReturn();

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getHeader("Strict-Transport-Security"))
                    .contains("max-age=31536000")
                    .contains("includeSubDomains");
        }
    }

    @Nested
    class Operations {

        @Test
        void servesTheOpenApiDescriptionWithoutAToken() {
            ApiResponse docs = api.get("/api-docs", null);

            assertThat(docs.status()).as("%s", docs).isEqualTo(200);
            JsonNode openApi = docs.json();
            assertThat(openApi.path("openapi").asText()).startsWith("3.");
            assertThat(openApi.path("paths").has("/api/wallet/deposit")).isTrue();
            assertThat(openApi.path("paths").path("/api/wallet/deposit").has("post")).isTrue();
            assertThat(openApi.path("paths").has("/api/wallet/withdraw")).isTrue();
            assertThat(openApi.path("paths").path("/api/services/quote").has("post")).isTrue();
            assertThat(openApi.path("paths").path("/api/admin/catalogue/plans/{planId}").has("put")).isTrue();
            assertThat(openApi.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                    .isEqualTo("bearer");
        }

        @Test
        void servesThePublicCatalogueAndItsQuotesWithoutAToken() {
            ApiResponse services = api.get("/api/services", null);
            assertThat(services.status()).as("%s", services).isEqualTo(200);
            assertThat(services.json().path("currency").asText()).isEqualTo("IRR");
            assertThat(services.json().path("plans").isArray()).isTrue();

            ApiResponse quote = api.post("/api/services/quote", null, Map.of(),
                    "{\"planId\":\"basic-1\",\"datacenterId\":\"tehran-1\",\"operatingSystemId\":\"debian-12\"}");
            assertProblem(quote, 422, "catalogue.unknown-datacenter");
            assertProblem(api.post("/api/services", null, Map.of(), "{}"), 401, "auth.unauthenticated");
            assertProblem(api.get("/api/admin/catalogue", null), 401, "auth.unauthenticated");
        }

        @Test
        void reportsHealthUpWithTheEventProcessorsWithoutAToken() {
            JsonNode health = await().atMost(Duration.ofSeconds(30))
                    .until(() -> api.get("/actuator/health", null),
                            response -> response.status() == 200).json();

            assertThat(health.path("status").asText()).isEqualTo("UP");
            JsonNode processors = health.path("components").path("eventProcessors");
            assertThat(processors.path("status").asText()).isEqualTo("UP");
            JsonNode walletProjection = processors.path("details").path("wallet-projection");
            assertThat(walletProjection.path("running").asBoolean()).isTrue();
            assertThat(walletProjection.path("error").asBoolean()).isFalse();
            assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        }

        @Test
        void refusesPrometheusMetricsWithoutAnAdminToken() {
            ApiResponse anonymous = api.get("/actuator/prometheus", null);
            assertProblem(anonymous, 401, "auth.unauthenticated");
            assertThat(anonymous.body()).doesNotContain("jvm_");

            String customer = tokens.issue(subject, List.of(Roles.CUSTOMER)).accessToken();
            ApiResponse forbidden = api.get("/actuator/prometheus", customer);
            assertProblem(forbidden, 403, "auth.forbidden");

            String admin = tokens.issue(subject, List.of(Roles.ADMIN)).accessToken();
            ApiResponse metrics = api.get("/actuator/prometheus", admin);
            assertThat(metrics.status()).as("the endpoint exists and an admin may read it").isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        }

        @Test
        void refusesOtherActuatorEndpointsWithoutAToken() {
            assertProblem(api.get("/actuator/metrics", null), 401, "auth.unauthenticated");
            assertProblem(api.get("/actuator", null), 401, "auth.unauthenticated");
        }
    }
}
