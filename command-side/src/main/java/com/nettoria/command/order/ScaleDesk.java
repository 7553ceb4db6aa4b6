package com.nettoria.command.order;

import com.nettoria.command.capacity.CapacityCheck;
import com.nettoria.command.catalogue.PriceList;
import com.nettoria.command.common.MoneyCausation;
import com.nettoria.command.vm.ScaleUp;
import com.nettoria.command.vm.VirtualMachine;
import com.nettoria.coreapi.catalogue.PaidPeriod;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.Pricing;
import com.nettoria.coreapi.catalogue.ResizeRequest;
import com.nettoria.coreapi.catalogue.SizeQuote;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.OrderStatus;
import com.nettoria.coreapi.order.RecordOrderUpgradeRefundCommand;
import com.nettoria.coreapi.order.RefundOrderUpgradeCommand;
import com.nettoria.coreapi.order.UpgradeOrderCommand;
import com.nettoria.coreapi.vm.QuoteVmScaleCommand;
import com.nettoria.coreapi.vm.RequestVmScaleCommand;
import com.nettoria.coreapi.vm.ScaleVmCommand;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmScaleOutcome;
import com.nettoria.coreapi.vm.VmScaleQuote;
import com.nettoria.coreapi.wallet.DepositMoneyCommand;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WithdrawMoneyCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;
import java.util.Objects;

/**
 * Scales a running VM up and makes its order pay for it: the one place where a scale, an order and a wallet meet.
 * The catalogue prices the new size ({@link PriceList#quoteSize}, never the request); the VM decides whether it may
 * grow ({@link ScaleUp}); the datacenter must have room for the growth ({@link CapacityCheck#requireRoomToGrow}: the VM's datastore for the
 * bigger disk, the cluster's ratios for the rest);
 * the wallet pays the difference for the rest of the paid period now ({@link Pricing#upgradeCharge}; nothing when
 * billed hourly), and a wallet that does not cover it refuses the scale (nothing changes). The order records the
 * new size and prices ({@code OrderUpgradedEvent}), then the VM the scale ({@code VmScaleRequestedEvent}) for the
 * operations worker to carry out in vCenter. When vCenter cannot, the worker asks for the refund
 * ({@link RefundOrderUpgradeCommand}). The payment is named after the scale operation
 * ({@code vm-scale:<operationId>}) and so is its refund, so neither moves money twice.
 */
public class ScaleDesk {

    private final Repository<Order> orders;
    private final Repository<VirtualMachine> vms;
    private final PriceList prices;
    private final CommandGateway commands;
    private final CapacityCheck capacity;

    public ScaleDesk(Repository<Order> orders, Repository<VirtualMachine> vms, PriceList prices,
                     CommandGateway commands, CapacityCheck capacity) {
        this.orders = orders;
        this.vms = vms;
        this.prices = prices;
        this.commands = commands;
        this.capacity = capacity;
    }

    @CommandHandler
    public VmScaleQuote handle(QuoteVmScaleCommand command) {
        VirtualMachine.Scaling vm = scalable(command.vmId(), command.customerId());
        return price(vm, terms(vm, null), command.planId(), command.customSpec());
    }

    @CommandHandler
    public VmScaleOutcome handle(ScaleVmCommand command, MetaData metaData) {
        MoneyCausation.require(metaData);
        VirtualMachine.Scaling vm = vms.load(command.vmId().value()).invoke(v -> v.scalingFor(command.customerId()));
        Order.Terms terms = terms(vm, command.operationId());
        if (terms.upgrade() != null) {
            if (!Objects.equals(terms.upgrade().requestFingerprint(), command.requestFingerprint())) {
                throw OrderRefusal.keyReusedOnVm(vm.vmId());
            }
            return new VmScaleOutcome(command.operationId(), bought(vm.vmId(), terms.upgrade()), true);
        }
        if (vms.load(command.vmId().value()).invoke(v -> v.knows(command.operationId()))) {
            throw OrderRefusal.keyReusedOnVm(command.vmId());
        }
        scalable(command.vmId(), command.customerId());
        VmScaleQuote quote = price(vm, terms, command.planId(), command.customSpec());
        capacity.requireRoomToGrow(vm.datacenterId(), vm.placement(), vm.datastore(), vm.spec(), quote.spec());

        WalletId walletId = null;
        TransactionId transactionId = null;
        if (quote.chargeNow().greaterThanZero()) {
            walletId = WalletId.of(terms.customerId(), quote.chargeNow().currency());
            String key = "vm-scale:" + command.operationId();
            transactionId = TransactionId.forRequest(walletId, key);
            MetaData payment = byOrder(metaData, terms, key);
            try {
                send(new WithdrawMoneyCommand(walletId, transactionId, quote.chargeNow(),
                        "Scale-up of VM " + vm.vmId() + " (order " + terms.orderId() + ")",
                        fingerprint("vm-scale", command.operationId(), quote.chargeNow())), payment);
            } catch (CommandExecutionException refused) {
                throw OrderRefusal.paymentRefused(OrderDesk.refusal(refused, quote.chargeNow()));
            }
        }
        SizeQuote bought = new SizeQuote(quote.planId(), quote.spec(), quote.period(), quote.hourlyPrice(),
                quote.monthlyPrice(), quote.discountPercent(), quote.periodPrice());
        send(new UpgradeOrderCommand(terms.orderId(), command.operationId(), vm.vmId(), bought, quote.chargeNow(),
                        walletId, transactionId, quote.paidUntil(), command.requestFingerprint()),
                byOrder(metaData, terms, null));
        // the VM's operation is the customer's request, as its power actions are
        send(new RequestVmScaleCommand(vm.vmId(), command.customerId(), command.operationId(), quote.planId(),
                quote.spec()), metaData);
        return new VmScaleOutcome(command.operationId(), quote, false);
    }

    /**
     * Pays back what an upgrade charged and bills the order at its previous size again. A repeat finds the upgrade
     * refunded and does nothing; an upgrade that charged nothing is only undone.
     */
    @CommandHandler
    public void handle(RefundOrderUpgradeCommand command) {
        Order.Terms terms = orders.load(command.orderId().value()).invoke(o -> o.termsFor(command.upgradeId()));
        Order.Upgrade upgrade = terms.upgrade();
        if (upgrade == null || upgrade.refunded()) {
            return;
        }
        String key = "vm-scale-refund:" + command.upgradeId();
        MetaData platform = MetaData.with(Causation.ACTOR_ID, OrderDesk.PLATFORM_ACTOR)
                .and(Causation.CAUSE_TYPE, Causation.CauseType.ORDER)
                .and(Causation.CAUSE_ID, terms.orderId().value())
                .and(Causation.IDEMPOTENCY_KEY, key);
        TransactionId refund = null;
        Money refunded = null;
        if (upgrade.walletId() != null && upgrade.charged().greaterThanZero()) {
            refund = TransactionId.forRequest(upgrade.walletId(), key);
            refunded = upgrade.charged();
            send(new DepositMoneyCommand(upgrade.walletId(), refund, refunded,
                    "Refund of the scale-up " + command.upgradeId() + " of order " + terms.orderId() + ": "
                            + command.reason(), fingerprint("vm-scale-refund", command.upgradeId(), refunded)),
                    platform);
        }
        send(new RecordOrderUpgradeRefundCommand(terms.orderId(), command.upgradeId(),
                refund == null ? null : upgrade.walletId(), refund, refunded, command.code(), command.reason()),
                platform);
    }

    /** The VM as a scale starts from, refused unless it is the requester's and may grow now. */
    private VirtualMachine.Scaling scalable(VmId vmId, CustomerId requester) {
        return vms.load(vmId.value()).invoke(vm -> {
            VirtualMachine.Scaling scaling = vm.scalingFor(requester);
            vm.requireScalable();
            return scaling;
        });
    }

    private Order.Terms terms(VirtualMachine.Scaling vm, String upgradeId) {
        Order.Terms terms = orders.load(vm.orderId().value()).invoke(o -> o.termsFor(upgradeId));
        if (upgradeId == null || terms.upgrade() == null) {
            if (terms.status() != OrderStatus.ACTIVE || terms.billingStartedAt() == null) {
                throw OrderRefusal.illegalState(terms.orderId(), terms.status(), "upgraded");
            }
        }
        return terms;
    }

    /**
     * The catalogue's price of the new size for the order's billing period, and what the rest of the paid period
     * costs more: the difference of the two period prices for the share of the period left, or nothing when hourly.
     */
    private VmScaleQuote price(VirtualMachine.Scaling vm, Order.Terms terms, PlanId planId, VmSpec customSpec) {
        SizeQuote size = prices.quoteSize(new ResizeRequest(planId, customSpec, vm.datacenterId(), terms.period()));
        ScaleUp.require(vm.vmId(), vm.spec(), size.spec(), planId != null);
        Money charge = Money.zero(size.periodPrice().currency());
        Instant paidUntil = null;
        if (!terms.period().hourly()) {
            Instant now = GenericEventMessage.clock.instant();
            PaidPeriod paid = PaidPeriod.at(terms.billingStartedAt(), terms.period(), now);
            charge = Pricing.upgradeCharge(terms.billedAt().periodPrice(), size.periodPrice(), paid, now);
            paidUntil = paid.until();
        }
        return new VmScaleQuote(vm.vmId(), vm.planId(), vm.spec(), size.planId(), size.spec(), size.period(),
                size.hourlyPrice(), size.monthlyPrice(), size.discountPercent(), size.periodPrice(), charge, paidUntil);
    }

    private static VmScaleQuote bought(VmId vmId, Order.Upgrade upgrade) {
        SizeQuote before = upgrade.previous();
        SizeQuote after = upgrade.bought();
        return new VmScaleQuote(vmId, before.planId(), before.spec(), after.planId(), after.spec(), after.period(),
                after.hourlyPrice(), after.monthlyPrice(), after.discountPercent(), after.periodPrice(),
                upgrade.charged(), upgrade.paidUntil());
    }

    /** The customer's request as the cause's carrier: the order is why the money moves (its VM is in the text). */
    private static MetaData byOrder(MetaData request, Order.Terms terms, String idempotencyKey) {
        MetaData metaData = request.and(Causation.CAUSE_TYPE, Causation.CauseType.ORDER)
                .and(Causation.CAUSE_ID, terms.orderId().value());
        return idempotencyKey == null ? metaData : metaData.and(Causation.IDEMPOTENCY_KEY, idempotencyKey);
    }

    private void send(Object command, MetaData metaData) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
    }

    private static String fingerprint(String kind, String operationId, Money amount) {
        return kind + "|" + operationId + "|" + amount.amount().toPlainString() + "|"
                + amount.currency().getCurrencyCode();
    }
}
