package com.nettoria.ui.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.ui.identity.cli.AdminCommandLine;
import com.nettoria.ui.support.IdentityApiClient;
import com.nettoria.ui.support.IdentityApiClient.Session;
import com.nettoria.ui.support.IdentityApiTest;
import com.nettoria.ui.support.TestAccounts;
import com.nettoria.ui.support.TestAccounts.NewAccount;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.nettoria.ui.support.Problems.assertProblem;
import static com.nettoria.ui.support.IdentityApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Administrators manage accounts over real HTTP: search, suspend and reactivate, roles, identity and contact
 * verification, sessions and the activity log. Each test makes an administrator of its own with the operator's
 * command line ({@code create-admin}, the way the first administrator is made) and customers of its own.
 */
@IdentityApiTest
class AdminUsersApiIT {

    private static final Duration READ_MODEL = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    AdminCommandLine cli;

    IdentityApiClient api;
    Admin admin;

    @BeforeEach
    void setUp() {
        api = new IdentityApiClient(port);
        admin = newAdmin();
    }

    private record Admin(NewAccount account, Session session) {

        String token() {
            return session.accessToken();
        }
    }

    private Admin newAdmin() {
        NewAccount account = TestAccounts.newAccount();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = cli.execute(List.of("create-admin", "--email", account.email(), "--mobile", account.mobile(),
                        "--first-name", account.firstName(), "--last-name", account.lastName(), "--language", "en"),
                account.password(), null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as("create-admin: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        return new Admin(account, api.loggedIn(account.email(), account.password()));
    }

    private String users(String userId) {
        return "/api/admin/users/" + userId;
    }

    private JsonNode ok(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void aCustomerCannotUseTheAdministrationApi() {
        Session customer = api.registered(TestAccounts.newAccount());

        assertProblem(api.get("/api/admin/users", customer.accessToken()), 403, "auth.forbidden", null);
        assertProblem(api.post(users(customer.userId()) + "/roles", customer.accessToken(), body("role", "ADMIN")),
                403, "auth.forbidden", null);
        assertProblem(api.get("/api/admin/users", null), 401, "auth.unauthenticated", null);
    }

    @Test
    void searchesUsersByTextStatusAndRoleAPageAtATime() {
        String tag = "Zq" + TestAccounts.letters(8);
        NewAccount first = TestAccounts.newAccount().withLastName("Tester" + tag + "a");
        NewAccount second = TestAccounts.newAccount().withLastName("Tester" + tag + "b");
        NewAccount third = TestAccounts.newAccount().withLastName("Tester" + tag + "c");
        String firstId = api.registered(first).userId();
        String secondId = api.registered(second).userId();
        String thirdId = api.registered(third).userId();
        ok(api.post(users(secondId) + "/suspend", admin.token(), body("reason", "chargeback")));
        ok(api.post(users(thirdId) + "/roles", admin.token(), body("role", "SUPPORT")));

        JsonNode all = ok(api.get("/api/admin/users?q=" + tag.toUpperCase() + "&size=2", admin.token()));
        JsonNode secondPage = ok(api.get("/api/admin/users?q=" + tag + "&size=2&page=1", admin.token()));

        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(all.path("size").asInt()).isEqualTo(2);
        assertThat(all.path("items")).extracting(user -> user.path("userId").asText()).containsExactly(thirdId, secondId);
        assertThat(secondPage.path("page").asInt()).isEqualTo(1);
        assertThat(secondPage.path("items")).extracting(user -> user.path("userId").asText()).containsExactly(firstId);

        JsonNode suspended = ok(api.get("/api/admin/users?q=" + tag + "&status=SUSPENDED", admin.token()));
        assertThat(suspended.path("items")).extracting(user -> user.path("userId").asText()).containsExactly(secondId);
        assertThat(suspended.path("items").get(0).path("suspensionReason").asText()).isEqualTo("chargeback");
        JsonNode support = ok(api.get("/api/admin/users?q=" + tag + "&role=SUPPORT", admin.token()));
        assertThat(support.path("items")).extracting(user -> user.path("userId").asText()).containsExactly(thirdId);
        JsonNode byEmail = ok(api.get("/api/admin/users?q=" + first.email(), admin.token()));
        assertThat(byEmail.path("items")).extracting(user -> user.path("userId").asText()).containsExactly(firstId);
        JsonNode byMobile = ok(api.get("/api/admin/users?q=" + first.mobile(), admin.token()));
        assertThat(byMobile.path("items")).extracting(user -> user.path("userId").asText()).containsExactly(firstId);
        assertProblem(api.get("/api/admin/users?status=SLEEPING", admin.token()), 400, "request.invalid", "status");
        assertProblem(api.get("/api/admin/users?size=1000", admin.token()), 400, "request.invalid", "size");
    }

    @Test
    void aSuspensionRefusesTheUsersTokensAsSoonAsItReturnsAndReactivationLetsThemBackIn() {
        NewAccount customer = TestAccounts.newAccount();
        Session registration = api.registered(customer);
        Session laptop = api.loggedIn(customer.email(), customer.password());

        ApiResponse suspended = api.post(users(registration.userId()) + "/suspend", admin.token(),
                body("reason", "fraud investigation"));

        assertThat(ok(suspended).path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.json().path("suspensionReason").asText()).isEqualTo("fraud investigation");
        assertProblem(api.profile(laptop.accessToken()), 401, "auth.unauthenticated", null);
        assertProblem(api.profile(registration.accessToken()), 401, "auth.unauthenticated", null);
        assertProblem(api.login(customer.email(), customer.password()), 403, "identity.account-suspended", null);
        assertProblem(api.login(customer.email(), "Not-The-Password-" + TestAccounts.letters(4)), 401,
                "identity.invalid-credentials", null);
        assertProblem(api.refresh(laptop.refreshToken()), 401, "identity.invalid-refresh-token", "refreshToken");

        ApiResponse reactivated = api.post(users(registration.userId()) + "/reactivate", admin.token(), null);

        assertThat(ok(reactivated).path("status").asText()).isEqualTo("ACTIVE");
        Session back = api.loggedIn(customer.email(), customer.password());
        assertThat(api.profile(back.accessToken()).status()).isEqualTo(200);
        assertProblem(api.refresh(laptop.refreshToken()), 401, "identity.invalid-refresh-token", "refreshToken");
    }

    @Test
    void aSuspensionNeedsAReasonAndAKnownUser() {
        String customer = api.registered(TestAccounts.newAccount()).userId();

        assertProblem(api.post(users(customer) + "/suspend", admin.token(), body("reason", " ")), 400,
                "request.invalid", "reason");
        assertProblem(api.get(users(UUID.randomUUID().toString()), admin.token()), 404, "identity.user-not-found", null);
        assertProblem(api.get(users("not-a-user"), admin.token()), 400, "request.invalid", "userId");
    }

    @Test
    void anAdministratorCannotSuspendThemselvesOrTakeTheirOwnAdminRole() {
        ApiResponse suspendSelf = api.post(users(admin.session().userId()) + "/suspend", admin.token(),
                body("reason", "oops"));
        ApiResponse demoteSelf = api.delete(users(admin.session().userId()) + "/roles/ADMIN", admin.token());

        assertProblem(suspendSelf, 422, "identity.self-suspension", null);
        assertProblem(demoteSelf, 422, "identity.self-demotion", "role");
        assertThat(api.get("/api/admin/users", admin.token()).status()).isEqualTo(200);
    }

    @Test
    void grantsAndRevokesRolesButAnAccountKeepsOne() {
        NewAccount customer = TestAccounts.newAccount();
        Session session = api.registered(customer);

        ApiResponse granted = api.post(users(session.userId()) + "/roles", admin.token(), body("role", "SUPPORT"));

        assertThat(texts(ok(granted).path("roles"))).containsExactlyInAnyOrder("CUSTOMER", "SUPPORT");
        Session next = api.loggedIn(customer.email(), customer.password());
        assertThat(texts(IdentityApiClient.claims(next.accessToken()).path("roles"))).as("the next token carries it")
                .containsExactlyInAnyOrder("CUSTOMER", "SUPPORT");

        ApiResponse revoked = api.delete(users(session.userId()) + "/roles/SUPPORT", admin.token());

        assertThat(texts(ok(revoked).path("roles"))).containsExactly("CUSTOMER");
        assertProblem(api.delete(users(session.userId()) + "/roles/CUSTOMER", admin.token()), 422,
                "identity.last-role", "role");
        assertProblem(api.post(users(session.userId()) + "/roles", admin.token(), body("role", "admin")), 400,
                "request.malformed", "role");
    }

    @Test
    void aRevokedRoleStopsOnTheUsersNextRequestAndAGrantedOneComesWithTheNextToken() {
        NewAccount colleague = TestAccounts.newAccount();
        Session asCustomer = api.registered(colleague);

        ok(api.post(users(asCustomer.userId()) + "/roles", admin.token(), body("role", "ADMIN")));

        assertProblem(api.get("/api/admin/users", asCustomer.accessToken()), 403, "auth.forbidden", null);
        Session asAdmin = api.loggedIn(colleague.email(), colleague.password());
        assertThat(api.get("/api/admin/users", asAdmin.accessToken()).status()).isEqualTo(200);

        ok(api.delete(users(asCustomer.userId()) + "/roles/ADMIN", admin.token()));

        assertProblem(api.get("/api/admin/users", asAdmin.accessToken()), 403, "auth.forbidden", null);
        assertThat(api.profile(asAdmin.accessToken()).status()).as("still a customer").isEqualTo(200);
    }

    @Test
    void verifiesASubmittedIdentityDocumentOnly() {
        Session customer = api.registered(TestAccounts.newAccount());

        assertProblem(api.post(users(customer.userId()) + "/identity/verify", admin.token(), null), 422,
                "identity.no-identity-document", null);

        String nationalCode = TestAccounts.nationalCode();
        assertThat(api.send(HttpMethod.PUT, "/api/profile/identity", customer.accessToken(),
                body("type", "IRANIAN_NATIONAL_CODE", "nationalCode", nationalCode, "birthDate", "1990-01-31"), null)
                .status()).isEqualTo(200);
        ApiResponse verified = api.post(users(customer.userId()) + "/identity/verify", admin.token(), null);

        assertThat(ok(verified).path("identityStatus").asText()).isEqualTo("VERIFIED");
        assertThat(verified.body()).doesNotContain(nationalCode);
        assertThat(ok(api.profile(customer.accessToken())).path("identityStatus").asText()).isEqualTo("VERIFIED");
        assertProblem(api.send(HttpMethod.PUT, "/api/profile/identity", customer.accessToken(),
                body("type", "IRANIAN_NATIONAL_CODE", "nationalCode", TestAccounts.nationalCode(),
                        "birthDate", "1990-01-31"), null), 409, "identity.identity-already-verified", "document");
    }

    @Test
    void vouchesForTheUsersEmailAndMobile() {
        Session customer = api.registered(TestAccounts.newAccount());

        ApiResponse verified = api.post(users(customer.userId()) + "/contacts/verify", admin.token(), null);

        assertThat(ok(verified).path("emailVerified").asBoolean()).isTrue();
        assertThat(verified.json().path("mobileVerified").asBoolean()).isTrue();
        assertThat(texts(ok(api.profile(customer.accessToken())).path("missingForOrdering")))
                .containsExactly("identity-document");
    }

    @Test
    void listsAndEndsTheUsersSessions() {
        NewAccount customer = TestAccounts.newAccount();
        Session registration = api.registered(customer);
        Session laptop = api.loggedIn(customer.email(), customer.password(), "Mozilla/5.0 (Windows NT 10.0) Edge/131");

        JsonNode sessions = await("both sessions listed").atMost(READ_MODEL).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get(users(registration.userId()) + "/sessions", admin.token()),
                        answer -> answer.status() == 200 && answer.json().size() == 2)
                .json();

        assertThat(sessions).extracting(s -> s.path("sessionId").asText())
                .containsExactlyInAnyOrder(registration.sessionId(), laptop.sessionId());
        assertThat(sessions).extracting(s -> s.path("userAgent").asText())
                .contains("Mozilla/5.0 (Windows NT 10.0) Edge/131");
        assertThat(sessions).allSatisfy(s -> assertThat(s.path("current").asBoolean(true)).isFalse());

        ApiResponse ended = api.delete(users(registration.userId()) + "/sessions", admin.token());

        assertThat(ok(ended).path("revoked").asInt()).isEqualTo(2);
        assertProblem(api.refresh(laptop.refreshToken()), 401, "identity.invalid-refresh-token", "refreshToken");
        await("the user's tokens refused").atMost(READ_MODEL).pollInterval(Duration.ofMillis(25))
                .until(() -> api.profile(laptop.accessToken()).status() == 401
                        && api.profile(registration.accessToken()).status() == 401);
    }

    @Test
    void theUsersActivityShowsTheAdministratorAsTheActor() {
        Session customer = api.registered(TestAccounts.newAccount());
        ok(api.post(users(customer.userId()) + "/suspend", admin.token(), body("reason", "spam")));
        ok(api.post(users(customer.userId()) + "/reactivate", admin.token(), null));

        JsonNode activity = await("the suspension in the activity log").atMost(READ_MODEL)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> activityItems(customer.userId()), items -> items.map(list -> hasType(list, "account.suspended")
                        && hasType(list, "account.reactivated")).orElse(false))
                .orElseThrow();

        JsonNode suspension = entry(activity, "account.suspended");
        assertThat(suspension.path("actorId").asText()).isEqualTo(admin.session().userId());
        assertThat(suspension.path("details").path("reason").asText()).isEqualTo("spam");
        assertThat(suspension.path("userAgent").asText()).isEqualTo(IdentityApiClient.DEFAULT_USER_AGENT);
        IdentityApiIT.assertLoopback(suspension.path("clientAddress").asText());
        assertThat(entry(activity, "account.reactivated").path("actorId").asText()).isEqualTo(admin.session().userId());
        assertThat(entry(activity, "account.registered").path("actorId").isNull()).as("registered by nobody else")
                .isTrue();
    }

    private Optional<JsonNode> activityItems(String userId) {
        ApiResponse answer = api.get(users(userId) + "/activity?size=100", admin.token());
        return answer.status() == 200 ? Optional.of(answer.json().path("items")) : Optional.empty();
    }

    private static boolean hasType(JsonNode items, String type) {
        return StreamSupport.stream(items.spliterator(), false).anyMatch(e -> e.path("type").asText().equals(type));
    }

    private static JsonNode entry(JsonNode items, String type) {
        return StreamSupport.stream(items.spliterator(), false).filter(e -> e.path("type").asText().equals(type))
                .findFirst().orElseThrow();
    }
}
