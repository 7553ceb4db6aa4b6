package com.nettoria.ui.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.CorsFilter;

import java.time.Clock;
import java.util.Collection;

/**
 * The API is an OAuth2 resource server. Every {@code /api/**} call needs an access token of one of two issuers:
 * this platform (RS256, verified by the key ring's key named in {@code kid}, this audience; roles from the
 * {@code roles} claim, narrowed by the {@link TokenSessionCheck}), or the external OpenID Connect provider when
 * {@code nettoria.security.oidc.issuer-uri} is set ({@link ExternalIssuer}). A token of any other issuer is
 * refused before any key is looked at. Cross-origin browser calls only from {@code nettoria.security.cors}'s list.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems,
                                    AuthenticationManagerResolver<HttpServletRequest> tokenIssuers,
                                    CorsProperties cors) throws Exception {
        CorsFilter corsFilter = new CorsFilter(cors.source());
        corsFilter.setCorsProcessor(new ProblemCorsProcessor(problems));
        http.csrf(AbstractHttpConfigurer::disable) // bearer tokens only, no cookies: nothing to forge
                .cors(AbstractHttpConfigurer::disable) // replaced by corsFilter, which answers refusals as problems
                .addFilterAfter(corsFilter, HeaderWriterFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/api-docs", "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/.well-known/jwks.json").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/dev/tokens").permitAll()
                        // sign-up, sign-in and recovery: before a token exists (rate-limited in the controllers)
                        .requestMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login",
                                "/api/auth/login/2fa", "/api/auth/login/code/send", "/api/auth/login/code",
                                "/api/auth/token/refresh", "/api/auth/password/forgot",
                                "/api/auth/password/reset").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/auth/verify/email/link").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/dev/outbox").permitAll()
                        // the public catalogue and its quotes (seed-compatible path of the old platform)
                        .requestMatchers(HttpMethod.GET, "/api/services").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/services/quote").permitAll()
                        .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .authenticationManagerResolver(tokenIssuers)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; frame-ancestors 'none'; object-src 'none'"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /**
     * Chooses the verifier by the token's (not yet trusted) {@code iss}: this platform's own, the external
     * provider's, or none (401); the chosen verifier then checks the signature and the issuer for real.
     */
    @Bean
    AuthenticationManagerResolver<HttpServletRequest> tokenIssuers(JwtDecoder jwtDecoder,
                                                                   JwtAuthenticationConverter jwtAuthenticationConverter,
                                                                   JwtProperties jwt, OidcProperties oidc,
                                                                   Clock clock) {
        JwtAuthenticationProvider ownTokens = new JwtAuthenticationProvider(jwtDecoder);
        ownTokens.setJwtAuthenticationConverter(jwtAuthenticationConverter);
        AuthenticationManager own = ownTokens::authenticate;
        ExternalIssuer external = oidc.enabled() ? new ExternalIssuer(oidc, jwt.audience(), clock) : null;
        if (external != null && external.issuer().equals(jwt.issuer())) {
            throw new IllegalStateException("nettoria.security.oidc.issuer-uri must differ from "
                    + "nettoria.security.jwt.issuer");
        }
        return new JwtIssuerAuthenticationManagerResolver(issuer -> {
            if (jwt.issuer().equals(issuer)) {
                return own;
            }
            return external != null && external.issuer().equals(issuer) ? external : null;
        });
    }

    /**
     * This platform's tokens: RS256 only (no {@code none}, no HMAC, no other key type), a key of the ring chosen
     * by {@code kid}, this issuer, this audience, not expired.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, JwtProperties properties, Clock clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys.verificationKeys()));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // the claims are checked by the validators below
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtIssuerValidator(properties.issuer()), audience));
        return decoder;
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signingKeys());
    }

    /** Roles of this platform's tokens: the {@code roles} claim, narrowed by the session check when there is one. */
    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter(ObjectProvider<TokenSessionCheck> sessionCheck) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new SessionCheckedRoles(sessionCheck));
        return converter;
    }
}
