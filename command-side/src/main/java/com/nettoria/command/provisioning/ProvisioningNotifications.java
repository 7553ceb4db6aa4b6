package com.nettoria.command.provisioning;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.command.notification.Notifier;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.order.OrderFailedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmProvisionedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Tells customers how their orders end: {@link NotificationTemplate#VM_READY} once their VM is running (hostname,
 * IP address, VM id), {@link NotificationTemplate#ORDER_FAILED} when provisioning failed for good and the payment
 * went back to their wallet. By email, and by SMS as well when the account's mobile number is verified, in the
 * account's language.
 * <p>
 * What the events do not carry is read, when the event is handled, from the aggregates that know it: the customer's
 * contacts ({@link CustomerContacts}) and the VM's hostname and owner ({@link VmDirectory}). A failed order's
 * customer is the owner of its VM ({@link VmId#forOrder}): the order is paid, and so its VM registered, before
 * provisioning can fail. The policy keeps no state of its own.
 * <p>
 * A message goes out only after the unit of work handling the event has committed (a rolled-back batch sends
 * nothing, its redelivery does), on the {@code delivery} executor, so a slow carrier holds up neither this processor
 * nor provisioning. A message that cannot be sent is logged, never thrown. A replay sends nothing
 * ({@link DisallowReplay}), and a new processor starts at the head of the event stream (see
 * {@code NotificationPolicyConfiguration}): nobody hears about VMs of the past. A crash between the commit and the
 * hand-over loses a notice rather than sending it twice.
 */
@ProcessingGroup(ProvisioningNotifications.PROCESSING_GROUP)
@DisallowReplay
public class ProvisioningNotifications {

    public static final String PROCESSING_GROUP = "provisioning-notifications";

    /** The failure code of a data centre without room for the VM (a vCenter refusal of kind INSUFFICIENT_CAPACITY). */
    static final String NO_CAPACITY = ErrorCodes.VCENTER_PREFIX + "insufficient-capacity";
    /** The {@code reason} words of {@link NotificationTemplate#ORDER_FAILED}. */
    static final String REASON_CAPACITY = "capacity";
    static final String REASON_TECHNICAL = "technical";

    private static final Logger log = LoggerFactory.getLogger(ProvisioningNotifications.class);

    private final CustomerContacts contacts;
    private final VmDirectory vms;
    private final Notifier notifier;
    private final Executor delivery;

    /** @param delivery runs the sending (a thread pool in the application, the caller's thread in tests) */
    public ProvisioningNotifications(CustomerContacts contacts, VmDirectory vms, Notifier notifier, Executor delivery) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.vms = Objects.requireNonNull(vms, "vms");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    @EventHandler
    void on(VmProvisionedEvent event) {
        Optional<VmDirectory.Vm> vm = vms.find(event.vmId());
        if (vm.isEmpty()) {
            log.warn("No {} notice for VM {}: there is no such VM", NotificationTemplate.VM_READY, event.vmId());
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("hostname", vm.get().hostname());
        parameters.put("ipAddress", event.ipAddress());
        parameters.put("vmId", event.vmId().value());
        tell(event.customerId(), NotificationTemplate.VM_READY, parameters);
    }

    @EventHandler
    void on(OrderFailedEvent event) {
        if (event.refunded() == null) {
            log.warn("No {} notice for order {}: nothing was refunded", NotificationTemplate.ORDER_FAILED,
                    event.orderId());
            return;
        }
        Optional<VmDirectory.Vm> vm = vms.find(VmId.forOrder(event.orderId()));
        if (vm.isEmpty()) {
            log.warn("No {} notice for order {}: it has no VM to find its customer by",
                    NotificationTemplate.ORDER_FAILED, event.orderId());
            return;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("orderId", event.orderId().value());
        parameters.put("reason", reasonFor(event.code()));
        parameters.put("refund", amount(event.refunded()));
        tell(vm.get().owner(), NotificationTemplate.ORDER_FAILED, parameters);
    }

    /**
     * Why the order failed, in the customer's terms: a data centre without room is worth saying (they can choose
     * another); anything else is a problem on the platform's side. vCenter's own words stay in the event.
     */
    static String reasonFor(String failureCode) {
        return NO_CAPACITY.equals(failureCode) ? REASON_CAPACITY : REASON_TECHNICAL;
    }

    /**
     * An amount as the customer reads it: the digits grouped in thousands, the minor units only when there are any,
     * then the ISO currency code ({@code 1,200,000 IRR}, {@code 12.50 USD}). Latin digits in both languages, as in
     * every other value the messages carry.
     */
    static String amount(Money money) {
        BigDecimal amount = money.amount();
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        String pattern = whole ? "#,##0" : "#,##0." + "0".repeat(amount.scale());
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount) + " " + money.currency().getCurrencyCode();
    }

    private void tell(CustomerId customer, NotificationTemplate template, Map<String, String> parameters) {
        List<String> missing = parameters.entrySet().stream()
                .filter(parameter -> parameter.getValue() == null || parameter.getValue().isBlank())
                .map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            log.warn("No {} notice for customer {}: no value for {}", template, customer, missing);
            return;
        }
        Optional<CustomerContacts.Contact> contact = contacts.of(customer);
        if (contact.isEmpty()) {
            log.warn("No {} notice for customer {}: there is no such account", template, customer);
            return;
        }
        CustomerContacts.Contact to = contact.get();
        List<Notification> notifications = new ArrayList<>();
        notifications.add(new Notification(ContactChannel.EMAIL, to.email(), to.name(), to.language(), template,
                parameters));
        if (to.verifiedMobile() != null) {
            notifications.add(new Notification(ContactChannel.SMS, to.verifiedMobile(), to.name(), to.language(),
                    template, parameters));
        }
        afterCommit(customer, notifications);
    }

    private void afterCommit(CustomerId customer, List<Notification> notifications) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> notifications.forEach(n -> deliver(customer, n)));
        } else {
            notifications.forEach(n -> deliver(customer, n));
        }
    }

    private void deliver(CustomerId customer, Notification notification) {
        try {
            delivery.execute(() -> send(customer, notification));
        } catch (RuntimeException e) {
            log.error("Could not queue {} for customer {}: {}", notification, customer, e.getMessage(), e);
        }
    }

    private void send(CustomerId customer, Notification notification) {
        try {
            notifier.send(notification);
        } catch (RuntimeException e) {
            log.error("Could not send {} to customer {}: {}", notification, customer, e.getMessage(), e);
        }
    }
}
