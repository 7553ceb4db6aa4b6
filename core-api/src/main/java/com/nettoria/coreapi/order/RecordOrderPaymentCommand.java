package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The wallet paid the order (internal, sent by the order desk after the withdrawal). Repeats are no-ops. */
public record RecordOrderPaymentCommand(@TargetAggregateIdentifier OrderId orderId,
                                        WalletId walletId,
                                        TransactionId transactionId,
                                        Money amount) {
}
