package com.nettoria.coreapi.order;

import com.nettoria.coreapi.catalogue.SizeQuote;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;

/**
 * An upgrade vCenter could not carry out: its charge went back to the wallet and the order is billed at
 * {@code restored} again, the size and prices it had before.
 *
 * @param refundWalletId      the wallet paid back, or {@code null} when the upgrade had charged nothing
 * @param refundTransactionId the refund's wallet movement, or {@code null}
 * @param refunded            what went back, or {@code null}
 */
public record OrderUpgradeRefundedEvent(OrderId orderId,
                                        String upgradeId,
                                        SizeQuote restored,
                                        WalletId refundWalletId,
                                        TransactionId refundTransactionId,
                                        Money refunded,
                                        String code,
                                        String reason) {
}
