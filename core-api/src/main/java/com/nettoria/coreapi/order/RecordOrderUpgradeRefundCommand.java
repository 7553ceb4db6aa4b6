package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The upgrade's refund reached the wallet (or nothing was charged: {@code null} wallet fields); the order goes back
 * to its previous size and prices (internal, sent by the order desk).
 */
public record RecordOrderUpgradeRefundCommand(@TargetAggregateIdentifier OrderId orderId,
                                              String upgradeId,
                                              WalletId walletId,
                                              TransactionId transactionId,
                                              Money amount,
                                              String code,
                                              String reason) {
}
