package com.nettoria.command.provisioning;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.Notifier;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.order.OrderFailedEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmProvisionedEvent;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shared test data for the provisioning notices: Sara, whose VM {@code web-1} is provisioned or whose order fails,
 * and the fakes of the policy's ports. The fakes start empty; tests say who and what exists.
 */
public final class ProvisioningNoticesTestData {

    public static final CustomerId SARA = new CustomerId("7d1f3c52-5b0e-4c8a-9f2e-1a6b8c4d2e90");
    public static final OrderId ORDER = new OrderId("8d0c4c86-31a4-3c41-9f6f-5b2a3b7d9e10");
    public static final VmId VM = VmId.forOrder(ORDER);
    public static final String HOSTNAME = "web-1";
    public static final String IP_ADDRESS = "192.0.2.10";
    public static final String EMAIL = "sara@example.com";
    public static final String MOBILE = "+989121234567";
    public static final Money PRICE = Money.of("1200000", "IRR");
    public static final WalletId WALLET = new WalletId("1b4e28ba-2fa1-31d2-883f-0016d3cca427");
    public static final TransactionId REFUND = new TransactionId("2c5f39cb-3fb2-32e3-994f-1127e4ddb538");

    /** Sara, Persian-speaking, with a verified mobile number. */
    public static final CustomerContacts.Contact SARAS_CONTACTS =
            new CustomerContacts.Contact("Sara Rahimi", "fa", EMAIL, MOBILE);

    private ProvisioningNoticesTestData() {
    }

    public static VmProvisionedEvent provisioned() {
        return new VmProvisionedEvent(VM, ORDER, SARA, IP_ADDRESS);
    }

    public static VmProvisionedEvent provisioned(VmId vm, String ipAddress) {
        return new VmProvisionedEvent(vm, ORDER, SARA, ipAddress);
    }

    public static OrderFailedEvent orderFailed(String code) {
        return new OrderFailedEvent(ORDER, code, "vCenter kept failing: connection refused", WALLET, REFUND, PRICE);
    }

    /** Customers' contacts, as the tests put them. */
    public static final class FakeContacts implements CustomerContacts {

        private final Map<CustomerId, Contact> contacts = new HashMap<>();

        public FakeContacts with(CustomerId customer, Contact contact) {
            contacts.put(customer, contact);
            return this;
        }

        @Override
        public Optional<Contact> of(CustomerId customer) {
            return Optional.ofNullable(contacts.get(customer));
        }
    }

    /** VMs, as the tests put them. */
    public static final class FakeVms implements VmDirectory {

        private final Map<VmId, Vm> vms = new HashMap<>();

        public FakeVms with(VmId vmId, CustomerId owner, String hostname) {
            vms.put(vmId, new Vm(owner, hostname));
            return this;
        }

        @Override
        public Optional<Vm> find(VmId vmId) {
            return Optional.ofNullable(vms.get(vmId));
        }
    }

    /**
     * Keeps what would have been sent and the unit-of-work phase at each hand-over (null: none running). A channel
     * can be told that its carrier is down: hand-overs to it are counted, and fail.
     */
    public static final class RecordingNotifier implements Notifier {

        private final List<Notification> sent = new ArrayList<>();
        private final List<UnitOfWork.Phase> phases = new ArrayList<>();
        private final Set<ContactChannel> down = EnumSet.noneOf(ContactChannel.class);

        @Override
        public synchronized void send(Notification notification) {
            phases.add(CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().phase() : null);
            if (down.contains(notification.channel())) {
                throw new NotificationFailedException("the " + notification.channel() + " carrier is down", null);
            }
            sent.add(notification);
        }

        public void carrierIsDown(ContactChannel channel) {
            down.add(channel);
        }

        public synchronized List<Notification> sent() {
            return List.copyOf(sent);
        }

        public synchronized List<UnitOfWork.Phase> phasesAtHandOver() {
            return new ArrayList<>(phases);
        }
    }
}
