package com.nettoria.ui.identity.cli;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.identity.EmailAddress;
import com.nettoria.coreapi.identity.FindUserByLoginQuery;
import com.nettoria.coreapi.identity.GrantRoleCommand;
import com.nettoria.coreapi.identity.MarkContactsVerifiedCommand;
import com.nettoria.coreapi.identity.MobileNumber;
import com.nettoria.coreapi.identity.RegisterUserCommand;
import com.nettoria.coreapi.identity.RevokeRoleCommand;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.Secret;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.coreapi.identity.UserView;
import com.nettoria.ui.web.ReadModelWaiter;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's commands that replace the old platform's scripts ({@code ./nettoria admin ...}; see README):
 * create the first administrator, promote or demote a user, verify a test user's email and mobile. Every
 * change goes through the same commands and rules as the API and is recorded with actor {@code cli:<os user>}.
 */
@Component
@ConditionalOnProperty(name = "nettoria.cli.enabled", havingValue = "true")
public class AdminCommandLine {

    static final String USAGE = """
            usage: nettoria admin <command> [options]
              create-admin --email <email> --mobile <mobile> --first-name <name> --last-name <name>
                           (password from NETTORIA_ADMIN_PASSWORD, or one line on standard input)
              promote      --login <email or mobile> --role <CUSTOMER|SUPPORT|ADMIN|AUDITOR>
              demote       --login <email or mobile> --role <CUSTOMER|SUPPORT|ADMIN|AUDITOR>
              verify-user  --login <email or mobile>     (marks email and mobile verified)
            """;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelWaiter readModel;

    public AdminCommandLine(CommandGateway commands, QueryGateway queries, ReadModelWaiter readModel) {
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
    }

    /** Runs one command; answers the process exit code (0 done, 1 refused, 2 usage). */
    public int execute(List<String> args, String password, BufferedReader stdin, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        Map<String, String> options = options(args.subList(1, args.size()));
        if (options == null) {
            err.print(USAGE);
            return 2;
        }
        try {
            return switch (args.get(0)) {
                case "create-admin" -> createAdmin(options, password, stdin, out, err);
                case "promote" -> changeRole(options, true, out, err);
                case "demote" -> changeRole(options, false, out, err);
                case "verify-user" -> verifyUser(options, out, err);
                default -> {
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (CommandExecutionException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        }
    }

    private int createAdmin(Map<String, String> options, String password, BufferedReader stdin, PrintStream out,
                            PrintStream err) {
        EmailAddress email = EmailAddress.parse(required(options, "email"));
        MobileNumber mobile = MobileNumber.parse(required(options, "mobile"));
        String secret = password != null && !password.isBlank() ? password : readLine(stdin);
        if (secret == null || secret.isBlank()) {
            err.println("error: no password: set NETTORIA_ADMIN_PASSWORD or pass one line on standard input");
            return 2;
        }
        UserId userId = UserId.random();
        send(new RegisterUserCommand(userId, required(options, "first-name"), required(options, "last-name"), email,
                mobile, new Secret(secret), EnumSet.of(Role.ADMIN), options.getOrDefault("language", "fa")));
        send(new MarkContactsVerifiedCommand(userId));
        out.println("created administrator " + userId + " (" + email + ")");
        return 0;
    }

    private int changeRole(Map<String, String> options, boolean grant, PrintStream out, PrintStream err) {
        Role role = Role.valueOf(required(options, "role").toUpperCase(Locale.ROOT));
        Optional<UserView> user = find(required(options, "login"));
        if (user.isEmpty()) {
            err.println("error: no account " + options.get("login"));
            return 1;
        }
        send(grant ? new GrantRoleCommand(user.get().userId(), role) : new RevokeRoleCommand(user.get().userId(), role));
        out.println((grant ? "granted " : "revoked ") + role + (grant ? " to " : " from ") + user.get().email());
        return 0;
    }

    private int verifyUser(Map<String, String> options, PrintStream out, PrintStream err) {
        Optional<UserView> user = find(required(options, "login"));
        if (user.isEmpty()) {
            err.println("error: no account " + options.get("login"));
            return 1;
        }
        send(new MarkContactsVerifiedCommand(user.get().userId()));
        out.println("verified email and mobile of " + user.get().email());
        return 0;
    }

    private Optional<UserView> find(String login) {
        String normalized = login.contains("@") ? EmailAddress.parse(login).value() : MobileNumber.parse(login).value();
        return readModel.await(() -> Optional.ofNullable(
                queries.query(new FindUserByLoginQuery(normalized), UserView.class).join()));
    }

    private void send(Object command) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(Causation.ACTOR_ID, "cli:" + System.getProperty("user.name", "unknown"));
        metaData.put(Causation.ACTOR_ROLES, Role.ADMIN.name());
        metaData.put(Causation.CAUSE_TYPE, Causation.CauseType.ADMIN_CLI);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(MetaData.from(metaData)));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** {@code --name value} and {@code --name=value}; null when malformed. */
    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                return null;
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                options.put(arg.substring(2), args.get(++i));
            } else {
                return null;
            }
        }
        return options;
    }

    private static String readLine(BufferedReader stdin) {
        try {
            return stdin == null ? null : stdin.readLine();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
