package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The refund reached the wallet; the order fails with the reason (internal, sent by the order desk). */
public record RecordOrderRefundCommand(@TargetAggregateIdentifier OrderId orderId,
                                       WalletId walletId,
                                       TransactionId transactionId,
                                       Money amount,
                                       String code,
                                       String reason) {
}
