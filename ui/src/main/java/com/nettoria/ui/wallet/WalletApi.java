package com.nettoria.ui.wallet;

import com.nettoria.coreapi.wallet.WalletTransactionView;
import com.nettoria.coreapi.wallet.WalletView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The wallet API's request and response bodies. */
final class WalletApi {

    private WalletApi() {
    }

    record OpenWalletRequest(@Schema(example = "IRR") String currency) {
    }

    record MoneyMovementRequest(
            @NotNull @Digits(integer = 18, fraction = 8)
            @Schema(example = "150000.00", description = "greater than zero, at most the currency's decimals, "
                    + "at most 18 digits before the decimal point")
            BigDecimal amount,
            @Schema(example = "IRR", description = "ISO 4217; the wallet's currency, default the platform's")
            String currency,
            @Size(max = 500) @Schema(example = "top-up")
            String description) {
    }

    record WalletResponse(String walletId, String currency, BigDecimal balance, long transactionCount,
                          Instant openedAt, Instant updatedAt) {
        static WalletResponse of(WalletView view) {
            return new WalletResponse(view.walletId().value(), view.balance().currency().getCurrencyCode(),
                    view.balance().amount(), view.transactionCount(), view.openedAt(), view.updatedAt());
        }
    }

    record TransactionResponse(String transactionId, String walletId, long sequence, String type, BigDecimal amount,
                               String currency, BigDecimal balanceAfter, String description, String actorId,
                               String causeType, String causeId, Instant occurredAt) {
        static TransactionResponse of(WalletTransactionView view) {
            return new TransactionResponse(view.transactionId().value(), view.walletId().value(), view.sequence(),
                    view.type().name(), view.amount().amount(), view.amount().currency().getCurrencyCode(),
                    view.balanceAfter().amount(), view.description(), view.actorId(), view.causeType(),
                    view.causeId(), view.occurredAt());
        }
    }

    record OpeningWallet(String walletId, String currency, String status) {
    }

    record AcceptedTransaction(String transactionId, String walletId, String status) {
    }

    record TransactionPage(List<TransactionResponse> items, int page, int size, long totalItems, int totalPages) {
    }
}
