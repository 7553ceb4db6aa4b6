package com.nettoria.command.identity;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import static com.nettoria.command.identity.IdentityTestData.EMAIL;
import static com.nettoria.command.identity.IdentityTestData.MOBILE;
import static com.nettoria.command.identity.IdentityTestData.NOW;
import static com.nettoria.command.identity.IdentityTestData.USER;

/**
 * An {@link AggregateTestFixture} for {@link UserAccount} with the deterministic fakes of its ports as injectable
 * resources and the {@link AccountCommandHandler} registered on the same repository. The clock starts at
 * {@link IdentityTestData#NOW}; Sara's contacts are in the directory (her history comes from each test's given
 * events).
 */
final class AccountFixture {

    static final String LINK_BASE = "http://x/link";

    final InMemoryContactDirectory directory = new InMemoryContactDirectory();
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final FakePasswordPolicy policy = new FakePasswordPolicy();
    final FakeSecretCodes codes = new FakeSecretCodes();
    final FakeTotp totp = new FakeTotp();
    final RecordingNotifier notifier = new RecordingNotifier();
    final FixtureConfiguration<UserAccount> fixture = new AggregateTestFixture<>(UserAccount.class);

    AccountFixture() {
        fixture.registerInjectableResource(hasher)
                .registerInjectableResource(policy)
                .registerInjectableResource(codes)
                .registerInjectableResource(totp)
                .registerInjectableResource(directory);
        fixture.registerAnnotatedCommandHandler(new AccountCommandHandler(fixture.getRepository(), directory, hasher,
                policy, codes, notifier, LINK_BASE));
        fixture.givenCurrentTime(NOW);
        directory.claim(USER, EMAIL, MOBILE);
    }
}
