package com.nettoria.ui.support;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one application context the identity API's integration tests share (the same configuration gives the same
 * cached context): real HTTP on a random port, the in-process command and query sides on a throw-away embedded
 * PostgreSQL, SMS and email to the development outbox, and the operator's command line
 * ({@code nettoria.cli.enabled}). Tests keep out of each other's way with accounts of their own
 * ({@link TestAccounts}). The read-your-writes wait is generous so that a slow machine never turns an answer that
 * waits for the read model into one that does not.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nettoria.api.read-your-writes-timeout=30s",
        "nettoria.cli.enabled=true"})
public @interface IdentityApiTest {
}
