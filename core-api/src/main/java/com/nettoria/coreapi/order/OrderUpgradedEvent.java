package com.nettoria.coreapi.order;

import com.nettoria.coreapi.catalogue.SizeQuote;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;

import java.time.Instant;

/**
 * The customer bought a bigger size for the order's VM: from now on the order is billed at {@code quote}'s prices
 * (the hourly price at once for hourly billing; {@code quote.periodPrice()} from the next period paid in advance).
 * {@code charged} is what the wallet paid now for the rest of the current paid period, ending {@code paidUntil}.
 *
 * @param upgradeId     the scale operation on the VM (the VM's operation id)
 * @param walletId      the wallet that paid, or {@code null} when nothing was charged (hourly, or nothing to prorate)
 * @param transactionId the wallet movement, or {@code null} when nothing was charged
 * @param paidUntil     the end of the paid period the charge covers; {@code null} when hourly
 */
public record OrderUpgradedEvent(OrderId orderId,
                                 String upgradeId,
                                 VmId vmId,
                                 SizeQuote quote,
                                 Money charged,
                                 WalletId walletId,
                                 TransactionId transactionId,
                                 Instant paidUntil,
                                 String requestFingerprint) {
}
