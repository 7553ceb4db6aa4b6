package com.nettoria.coreapi.order;

import com.nettoria.coreapi.catalogue.SizeQuote;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The order's VM grows to the size {@code quote} prices (internal: sent by the order desk once the wallet paid
 * {@code charged}). The same {@code upgradeId} again is a no-op.
 *
 * @param walletId      the wallet that paid, or {@code null} when nothing was charged
 * @param transactionId the wallet movement, or {@code null} when nothing was charged
 * @param paidUntil     the end of the paid period {@code charged} covers; {@code null} when hourly
 */
public record UpgradeOrderCommand(@TargetAggregateIdentifier OrderId orderId,
                                  String upgradeId,
                                  VmId vmId,
                                  SizeQuote quote,
                                  Money charged,
                                  WalletId walletId,
                                  TransactionId transactionId,
                                  Instant paidUntil,
                                  String requestFingerprint) {
}
