package com.nettoria.ui.wallet;

import com.nettoria.coreapi.common.Currencies;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.DepositMoneyCommand;
import com.nettoria.coreapi.wallet.FindWalletQuery;
import com.nettoria.coreapi.wallet.FindWalletTransactionQuery;
import com.nettoria.coreapi.wallet.FindWalletTransactionsQuery;
import com.nettoria.coreapi.wallet.OpenWalletCommand;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.TransactionOutcome;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WalletTransactionPage;
import com.nettoria.coreapi.wallet.WalletTransactionType;
import com.nettoria.coreapi.wallet.WalletTransactionView;
import com.nettoria.coreapi.wallet.WalletView;
import com.nettoria.coreapi.wallet.WithdrawMoneyCommand;
import com.nettoria.ui.identity.AccountStanding;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.BusinessErrors;
import com.nettoria.ui.web.IdempotencyKeys;
import com.nettoria.ui.web.ReadModelWaiter;
import com.nettoria.ui.web.RequestCausation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

import static com.nettoria.ui.wallet.WalletApi.AcceptedTransaction;
import static com.nettoria.ui.wallet.WalletApi.MoneyMovementRequest;
import static com.nettoria.ui.wallet.WalletApi.OpenWalletRequest;
import static com.nettoria.ui.wallet.WalletApi.OpeningWallet;
import static com.nettoria.ui.wallet.WalletApi.TransactionPage;
import static com.nettoria.ui.wallet.WalletApi.TransactionResponse;
import static com.nettoria.ui.wallet.WalletApi.WalletResponse;

/**
 * The caller's own wallet (seed-compatible paths of the old platform). A customer only ever reaches the
 * wallet derived from their own token's subject.
 */
@RestController
@RequestMapping("/api/wallet")
@PreAuthorize("isAuthenticated()")
@Tag(name = "Wallet", description = "The customer's own wallet: balance, top-ups, withdrawals, history")
public class WalletController {

    static final String PREFER_ASYNC = "respond-async";
    private static final Pattern TRANSACTION_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadModelWaiter readModel;
    private final WalletProperties properties;
    private final AccountStanding standing;

    public WalletController(CommandGateway commands, QueryGateway queries, ReadModelWaiter readModel,
                            WalletProperties properties, AccountStanding standing) {
        this.standing = standing;
        this.commands = commands;
        this.queries = queries;
        this.readModel = readModel;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "My wallet's balance")
    public WalletResponse wallet(@AuthenticationPrincipal Jwt caller,
                                 @RequestParam(required = false) String currency) {
        WalletId walletId = walletOf(caller, currency);
        return WalletResponse.of(findWallet(walletId).orElseThrow(() -> walletNotFound(currency(currency))));
    }

    @PostMapping
    @Operation(summary = "Open my wallet in a currency (opening an open wallet again answers it unchanged)")
    public ResponseEntity<?> open(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                               @RequestBody(required = false) OpenWalletRequest body) {
        String currencyCode = body == null ? null : body.currency();
        Currency currency = currency(currencyCode);
        CustomerId owner = new CustomerId(caller.getSubject());
        WalletId walletId = WalletId.of(owner, currency);
        Optional<WalletView> existing = findWallet(walletId);
        if (existing.isPresent()) {
            return ResponseEntity.ok(WalletResponse.of(existing.get()));
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new OpenWalletCommand(walletId, owner, currency))
                .withMetaData(RequestCausation.customerRequest(caller, request, null)));
        URI location = URI.create("/api/wallet?currency=" + currency.getCurrencyCode());
        // opened either way; a read model slower than the wait is answered 202, never as a failure
        return readModel.await(() -> findWallet(walletId))
                .<ResponseEntity<?>>map(opened -> ResponseEntity.created(location).body(WalletResponse.of(opened)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
                        .body(new OpeningWallet(walletId.value(), currency.getCurrencyCode(), "opening")));
    }

    @PostMapping("/deposit")
    @Operation(summary = "Put money into my wallet (needs a verified email and mobile)",
            description = "Idempotent by the Idempotency-Key header: the same key answers the first result and "
                    + "moves no money again; the same key with a different body is a 422. With "
                    + "'Prefer: respond-async' it answers 202 as soon as the deposit is recorded.")
    public ResponseEntity<?> deposit(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                     @Parameter(required = true) @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                     @RequestHeader(value = "Prefer", required = false) String prefer,
                                     @Valid @RequestBody MoneyMovementRequest body) {
        return move(WalletTransactionType.DEPOSIT, caller, request, idempotencyKey, prefer, body);
    }

    @PostMapping("/withdraw")
    @Operation(summary = "Take money out of my wallet; refused (422) when the balance does not cover it",
            description = "Same idempotency contract as deposit.")
    public ResponseEntity<?> withdraw(@AuthenticationPrincipal Jwt caller, HttpServletRequest request,
                                      @Parameter(required = true) @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                      @RequestHeader(value = "Prefer", required = false) String prefer,
                                      @Valid @RequestBody MoneyMovementRequest body) {
        return move(WalletTransactionType.WITHDRAWAL, caller, request, idempotencyKey, prefer, body);
    }

    @GetMapping("/transactions")
    @Operation(summary = "My wallet's movements, newest first, each with the balance after it")
    public TransactionPage transactions(@AuthenticationPrincipal Jwt caller,
                                        @RequestParam(required = false) String currency,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        WalletId walletId = walletOf(caller, currency);
        if (findWallet(walletId).isEmpty()) {
            throw walletNotFound(currency(currency));
        }
        WalletTransactionPage result = queries.query(new FindWalletTransactionsQuery(walletId, page, size),
                ResponseTypes.instanceOf(WalletTransactionPage.class)).join();
        int totalPages = (int) ((result.totalItems() + size - 1) / size);
        return new TransactionPage(result.items().stream().map(TransactionResponse::of).toList(),
                result.page(), result.size(), result.totalItems(), totalPages);
    }

    @GetMapping("/transactions/{transactionId}")
    @Operation(summary = "One movement of my wallet")
    public TransactionResponse transaction(@AuthenticationPrincipal Jwt caller, @PathVariable String transactionId,
                                           @RequestParam(required = false) String currency) {
        if (!TRANSACTION_ID.matcher(transactionId).matches()) {
            throw ApiProblem.badRequest("transactionId", "a transaction id is a UUID");
        }
        WalletId walletId = walletOf(caller, currency);
        return findTransaction(walletId, new TransactionId(transactionId)).map(TransactionResponse::of)
                .orElseThrow(() -> ApiProblem.notFound("wallet.transaction-not-found", "Transaction not found",
                        "your wallet has no transaction " + transactionId));
    }

    private ResponseEntity<?> move(WalletTransactionType type, Jwt caller, HttpServletRequest request,
                                   String idempotencyKey, String prefer, MoneyMovementRequest body) {
        String key = IdempotencyKeys.require(idempotencyKey);
        Currency currency = currency(body.currency());
        if (body.amount().signum() <= 0) {
            throw ApiProblem.badRequest("amount", "the amount must be greater than zero");
        }
        standing.requireVerifiedContacts(caller);
        Money amount = Money.of(body.amount(), currency);
        WalletId walletId = WalletId.of(new CustomerId(caller.getSubject()), currency);
        TransactionId transactionId = TransactionId.forRequest(walletId, key);
        String fingerprint = IdempotencyKeys.fingerprint(type.name(), amount.amount().toPlainString(),
                currency.getCurrencyCode(), body.description());
        Object command = type == WalletTransactionType.DEPOSIT
                ? new DepositMoneyCommand(walletId, transactionId, amount, body.description(), fingerprint)
                : new WithdrawMoneyCommand(walletId, transactionId, amount, body.description(), fingerprint);
        MetaData metaData = RequestCausation.customerRequest(caller, request, key);
        TransactionOutcome outcome;
        try {
            outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
        } catch (CommandExecutionException refused) {
            if (BusinessErrors.hasCode(refused, ErrorCodes.NOT_FOUND)) {
                throw walletNotFound(currency);
            }
            throw refused;
        }
        URI location = URI.create("/api/wallet/transactions/" + transactionId.value()
                + "?currency=" + currency.getCurrencyCode());
        String replayed = Boolean.toString(outcome.replayed());
        if (prefer == null || !prefer.contains(PREFER_ASYNC)) {
            Optional<WalletTransactionView> view = readModel.await(() -> findTransaction(walletId, transactionId));
            if (view.isPresent()) {
                return ResponseEntity.ok().location(location).header("Idempotent-Replayed", replayed)
                        .body(TransactionResponse.of(view.get()));
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).header("Idempotent-Replayed", replayed)
                .body(new AcceptedTransaction(transactionId.value(), walletId.value(), "recorded"));
    }

    private WalletId walletOf(Jwt caller, String currencyCode) {
        return WalletId.of(new CustomerId(caller.getSubject()), currency(currencyCode));
    }

    private Currency currency(String code) {
        String effective = code == null || code.isBlank() ? properties.defaultCurrency() : code;
        Currency currency = Currencies.parse(effective);
        if (!properties.currencies().contains(currency.getCurrencyCode())) {
            throw ApiProblem.badRequest("currency", "wallets are held in " + String.join(", ", properties.currencies())
                    + ", not " + currency.getCurrencyCode());
        }
        return currency;
    }

    private Optional<WalletView> findWallet(WalletId walletId) {
        return queries.query(new FindWalletQuery(walletId), ResponseTypes.optionalInstanceOf(WalletView.class)).join();
    }

    private Optional<WalletTransactionView> findTransaction(WalletId walletId, TransactionId transactionId) {
        return queries.query(new FindWalletTransactionQuery(walletId, transactionId),
                ResponseTypes.optionalInstanceOf(WalletTransactionView.class)).join();
    }

    private static ApiProblem walletNotFound(Currency currency) {
        return ApiProblem.notFound("wallet.not-found", "Wallet not found",
                "you have no wallet in " + currency.getCurrencyCode() + "; open one with POST /api/wallet");
    }
}
