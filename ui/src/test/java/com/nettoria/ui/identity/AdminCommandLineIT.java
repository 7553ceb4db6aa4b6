package com.nettoria.ui.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.ui.identity.cli.AdminCommandLine;
import com.nettoria.ui.support.IdentityApiClient;
import com.nettoria.ui.support.IdentityApiClient.Session;
import com.nettoria.ui.support.IdentityApiTest;
import com.nettoria.ui.support.TestAccounts;
import com.nettoria.ui.support.TestAccounts.NewAccount;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;
import com.nettoria.ui.web.ReadModelWaiter;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's commands ({@code nettoria admin ...}) as the {@link AdminCommandLine} bean that the command line
 * runs ({@code nettoria.cli.enabled=true}), against the same command bus, rules and database as the API: each
 * command's exit code and output, and its effect seen through the HTTP API.
 */
@IdentityApiTest
class AdminCommandLineIT {

    private static final Duration READ_MODEL = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    AdminCommandLine cli;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    IdentityApiClient api;

    @BeforeEach
    void setUp() {
        api = new IdentityApiClient(port);
    }

    /** One run of a command: exit code, standard output and standard error. */
    private record Run(int exit, String out, String err) {
    }

    private Run run(String password, String stdin, String... args) {
        return runWith(cli, password, stdin, args);
    }

    private static Run runWith(AdminCommandLine commandLine, String password, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = commandLine.execute(Arrays.asList(args), password,
                stdin == null ? null : new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run createAdmin(NewAccount admin, String password, String stdin) {
        return run(password, stdin, "create-admin", "--email", admin.email(), "--mobile", admin.mobile(),
                "--first-name", admin.firstName(), "--last-name=" + admin.lastName());
    }

    private Session anAdmin() {
        NewAccount admin = TestAccounts.newAccount();
        assertThat(createAdmin(admin, admin.password(), null).exit()).isZero();
        return api.loggedIn(admin.email(), admin.password());
    }

    /** The user as an administrator sees it, once the read model shows {@code what}. */
    private JsonNode awaitUser(Session admin, String userId, String what, Predicate<JsonNode> shown) {
        return await(what).atMost(READ_MODEL).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/admin/users/" + userId, admin.accessToken()),
                        user -> user.status() == 200 && shown.test(user.json()))
                .json();
    }

    private static List<String> roles(JsonNode user) {
        List<String> roles = new ArrayList<>();
        user.path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    @Test
    void createsAnAdministratorWhoCanLogInAndListUsers() {
        NewAccount admin = TestAccounts.newAccount();

        Run created = createAdmin(admin, admin.password(), null);

        assertThat(created.exit()).as("%s", created).isZero();
        assertThat(created.out()).startsWith("created administrator ").contains(admin.email());
        ApiResponse login = api.login(admin.mobile(), admin.password());
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.json().path("roles")).extracting(JsonNode::asText).containsExactly("ADMIN");
        Session session = IdentityApiClient.session(login);
        JsonNode self = await("the administrator in the user list").atMost(READ_MODEL)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/admin/users?q=" + admin.email(), session.accessToken()),
                        users -> users.status() == 200 && users.json().path("total").asLong() == 1
                                // the read model shows the registration before the vouching that follows it
                                && users.json().path("items").get(0).path("emailVerified").asBoolean()
                                && users.json().path("items").get(0).path("mobileVerified").asBoolean())
                .json().path("items").get(0);
        assertThat(self.path("emailVerified").asBoolean()).as("an operator's contacts are vouched for").isTrue();
        assertThat(self.path("mobileVerified").asBoolean()).isTrue();
        assertThat(self.path("mobile").asText()).isEqualTo(admin.e164Mobile());
    }

    @Test
    void readsThePasswordFromStandardInputWhenNoneIsGiven() {
        NewAccount admin = TestAccounts.newAccount();

        Run created = createAdmin(admin, null, admin.password() + "\n");

        assertThat(created.exit()).as("%s", created).isZero();
        assertThat(api.loggedIn(admin.email(), admin.password()).userId()).isNotBlank();
    }

    @Test
    void refusesAWeakPasswordOrATakenEmailWithExitCode1() {
        NewAccount admin = TestAccounts.newAccount();
        api.registered(TestAccounts.newAccount().withEmail(admin.email()));

        Run weak = createAdmin(admin.withEmail(TestAccounts.uniqueEmail()), "1qaz2wsx3edc", null);
        Run taken = createAdmin(admin, admin.password(), null);

        assertThat(weak.exit()).as("%s", weak).isEqualTo(1);
        assertThat(weak.err()).startsWith("refused: ").contains("too common");
        assertThat(taken.exit()).as("%s", taken).isEqualTo(1);
        assertThat(taken.err()).startsWith("refused: ");
    }

    @Test
    void promotesAndDemotesAUserByEmailOrMobile() {
        Session admin = anAdmin();
        NewAccount user = TestAccounts.newAccount();
        Session session = api.registered(user);

        Run promoted = run(null, null, "promote", "--login", user.email().toUpperCase(), "--role", "support");

        assertThat(promoted.exit()).as("%s", promoted).isZero();
        assertThat(promoted.out()).contains("granted SUPPORT to " + user.email());
        awaitUser(admin, session.userId(), "SUPPORT granted", seen -> roles(seen).contains("SUPPORT"));

        Run demoted = run(null, null, "demote", "--login", user.mobile(), "--role", "SUPPORT");

        assertThat(demoted.exit()).as("%s", demoted).isZero();
        assertThat(demoted.out()).contains("revoked SUPPORT from " + user.email());
        awaitUser(admin, session.userId(), "SUPPORT revoked", seen -> roles(seen).equals(List.of("CUSTOMER")));

        Run lastRole = run(null, null, "demote", "--login", user.email(), "--role", "CUSTOMER");

        assertThat(lastRole.exit()).as("%s", lastRole).isEqualTo(1);
        assertThat(lastRole.err()).startsWith("refused: ");
    }

    @Test
    void recordsTheOperatorAsTheActorOfWhatItChanged() {
        Session admin = anAdmin();
        NewAccount user = TestAccounts.newAccount();
        Session session = api.registered(user);

        assertThat(run(null, null, "promote", "--login", user.email(), "--role", "AUDITOR").exit()).isZero();

        JsonNode grant = await("the grant in the activity log").atMost(READ_MODEL).pollInterval(Duration.ofMillis(50))
                .until(() -> roleGranted(admin, session.userId()), Optional::isPresent).orElseThrow();
        assertThat(grant.path("actorId").asText()).isEqualTo("cli:" + System.getProperty("user.name", "unknown"));
        assertThat(grant.path("details").path("role").asText()).isEqualTo("AUDITOR");
    }

    private Optional<JsonNode> roleGranted(Session admin, String userId) {
        ApiResponse activity = api.get("/api/admin/users/" + userId + "/activity", admin.accessToken());
        if (activity.status() != 200) {
            return Optional.empty();
        }
        return StreamSupport.stream(activity.json().path("items").spliterator(), false)
                .filter(entry -> entry.path("type").asText().equals("role.granted")).findFirst();
    }

    @Test
    void verifiesATestUsersEmailAndMobile() {
        Session admin = anAdmin();
        NewAccount user = TestAccounts.newAccount();
        Session session = api.registered(user);

        Run verified = run(null, null, "verify-user", "--login", user.mobile());

        assertThat(verified.exit()).as("%s", verified).isZero();
        assertThat(verified.out()).contains("verified email and mobile of " + user.email());
        JsonNode seen = awaitUser(admin, session.userId(), "contacts verified",
                shown -> shown.path("emailVerified").asBoolean() && shown.path("mobileVerified").asBoolean());
        assertThat(seen.path("missingForOrdering")).extracting(JsonNode::asText).containsExactly("identity-document");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
            "",
            "reboot",
            "promote --role SUPPORT",
            "promote --login",
            "promote login someone@example.com",
            "promote --login someone@example.com --role KING",
            "verify-user --login not-a-login",
            "create-admin --email admin@example.com --mobile 09121234567 --first-name Sara",
            "create-admin --email not-an-email --mobile 09121234567 --first-name Sara --last-name Ahmadi"})
    void answersAUsageErrorWithExitCode2(String commandLine) {
        String[] args = commandLine.isEmpty() ? new String[0] : commandLine.split(" ");

        Run run = run("Lantern-Orbit-Usage", null, args);

        assertThat(run.exit()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).satisfiesAnyOf(err -> assertThat(err).contains("usage: nettoria admin"),
                err -> assertThat(err).startsWith("error: "));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void createAdminWithoutAnyPasswordIsAUsageError() {
        NewAccount admin = TestAccounts.newAccount();

        Run run = createAdmin(admin, null, "");

        assertThat(run.exit()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).contains("no password");
        assertThat(api.login(admin.email(), admin.password()).status()).isEqualTo(401);
    }

    /**
     * An unknown login is looked for until the read model's wait runs out (the shared context waits 30 s), so this
     * runs the same command line with a wait of its own, half a second.
     */
    @Test
    void answersAnUnknownLoginWithExitCode1() {
        AdminCommandLine quick = new AdminCommandLine(commands, queries, new ReadModelWaiter(Duration.ofMillis(500)));

        Run promote = runWith(quick, null, null, "promote", "--login", TestAccounts.uniqueEmail(), "--role", "SUPPORT");
        Run verify = runWith(quick, null, null, "verify-user", "--login", TestAccounts.uniqueMobile());

        assertThat(promote.exit()).as("%s", promote).isEqualTo(1);
        assertThat(promote.err()).startsWith("error: no account ");
        assertThat(verify.exit()).as("%s", verify).isEqualTo(1);
        assertThat(verify.err()).startsWith("error: no account ");
    }
}
