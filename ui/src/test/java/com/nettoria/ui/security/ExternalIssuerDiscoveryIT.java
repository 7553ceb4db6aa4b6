package com.nettoria.ui.security;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The external OpenID Connect provider's moods, against a real HTTP server (WireMock) and a clock moved by hand:
 * down when the platform starts (its tokens answered 503, not 401: they are not known to be bad), back later, a key set address given instead of discovered, a discovery document
 * that names someone else.
 */
class ExternalIssuerDiscoveryIT {

    private static final WireMockServer PROVIDER = new WireMockServer(wireMockConfig().dynamicPort());
    private static RSAKey providerKey;

    private final MutableClock clock = MutableClock.at(Instant.parse("2025-06-01T08:00:00Z"));

    @BeforeAll
    static void startProvider() throws JOSEException {
        PROVIDER.start();
        providerKey = new RSAKeyGenerator(2048).keyID("provider-1").generate();
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @BeforeEach
    void noStubs() {
        PROVIDER.resetAll();
    }

    private static String issuer(String realm) {
        return PROVIDER.baseUrl() + "/realms/" + realm;
    }

    private static void serveDiscovery(String realm, String namedIssuer) {
        PROVIDER.stubFor(get(urlEqualTo("/realms/" + realm + "/.well-known/openid-configuration")).willReturn(okJson(
                "{\"issuer\":\"" + namedIssuer + "\",\"jwks_uri\":\"" + issuer(realm) + "/certs\"}")));
    }

    private static void serveKeys(String realm) {
        PROVIDER.stubFor(get(urlEqualTo("/realms/" + realm + "/certs"))
                .willReturn(okJson(new JWKSet(providerKey.toPublicJWK()).toString(true))));
    }

    private ExternalIssuer externalIssuer(String realm, String jwkSetUri) {
        return new ExternalIssuer(new OidcProperties(issuer(realm), jwkSetUri, null, "realm_access.roles", null,
                Duration.ofSeconds(2), Duration.ofSeconds(30)), "nettoria-api", clock);
    }

    private BearerTokenAuthenticationToken token(String realm) throws JOSEException {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer(realm)).audience("nettoria-api")
                .subject("kc-user-1").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("realm_access", Map.of("roles", List.of("admin", "offline_access"))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(providerKey.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(providerKey));
        return new BearerTokenAuthenticationToken(jwt.serialize());
    }

    @Test
    void startsWhileTheProviderIsDownRefusesItsTokensAndAcceptsThemOnceItIsBack() throws JOSEException {
        ExternalIssuer external = externalIssuer("late", null);
        assertThat(PROVIDER.getAllServeEvents()).as("nothing is fetched at start").isEmpty();

        assertThatThrownBy(() -> external.authenticate(token("late")))
                .isInstanceOf(TokenCheckUnavailableException.class).hasMessage(ExternalIssuer.UNREACHABLE);

        serveDiscovery("late", issuer("late"));
        serveKeys("late");
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> external.authenticate(token("late")))
                .as("no new attempt before the pause is over").isInstanceOf(TokenCheckUnavailableException.class);
        PROVIDER.verify(1, getRequestedFor(urlEqualTo("/realms/late/.well-known/openid-configuration")));

        clock.advance(Duration.ofSeconds(1));
        Authentication authenticated = external.authenticate(token("late"));

        assertThat(authenticated.getName()).isEqualTo("kc-user-1");
        assertThat(authenticated.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
        external.authenticate(token("late"));
        PROVIDER.verify(2, getRequestedFor(urlEqualTo("/realms/late/.well-known/openid-configuration")));
        PROVIDER.verify(1, getRequestedFor(urlEqualTo("/realms/late/certs")));
    }

    @Test
    void usesAConfiguredKeySetAddressWithoutAnyDiscovery() throws JOSEException {
        serveKeys("direct");
        ExternalIssuer external = externalIssuer("direct", issuer("direct") + "/certs");

        assertThat(external.authenticate(token("direct")).isAuthenticated()).isTrue();
        PROVIDER.verify(0, getRequestedFor(urlEqualTo("/realms/direct/.well-known/openid-configuration")));
    }

    @Test
    void refusesTokensWhenTheDiscoveryDocumentNamesAnotherIssuer() {
        serveDiscovery("impostor", "https://elsewhere.example/realms/impostor");
        serveKeys("impostor");
        ExternalIssuer external = externalIssuer("impostor", null);

        assertThatThrownBy(() -> external.authenticate(token("impostor")))
                .isInstanceOf(TokenCheckUnavailableException.class).hasMessage(ExternalIssuer.UNREACHABLE);
        PROVIDER.verify(0, getRequestedFor(urlEqualTo("/realms/impostor/certs")));
    }

    @Test
    void refusesTokensWhileTheKeySetCannotBeFetched() {
        serveDiscovery("broken", issuer("broken"));
        PROVIDER.stubFor(get(urlEqualTo("/realms/broken/certs")).willReturn(aResponse().withStatus(503)));
        ExternalIssuer external = externalIssuer("broken", null);

        assertThatThrownBy(() -> external.authenticate(token("broken")))
                .isInstanceOf(TokenCheckUnavailableException.class);
    }
}
