package com.nettoria.command.provisioning;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationTemplate;
import com.nettoria.command.provisioning.ProvisioningNoticesTestData.FakeContacts;
import com.nettoria.command.provisioning.ProvisioningNoticesTestData.FakeVms;
import com.nettoria.command.provisioning.ProvisioningNoticesTestData.RecordingNotifier;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.identity.ContactChannel;
import com.nettoria.coreapi.order.OrderFailedEvent;
import com.nettoria.coreapi.vm.VmId;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.EMAIL;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.HOSTNAME;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.IP_ADDRESS;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.MOBILE;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.ORDER;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.REFUND;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.SARA;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.SARAS_CONTACTS;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.VM;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.WALLET;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.orderFailed;
import static com.nettoria.command.provisioning.ProvisioningNoticesTestData.provisioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ProvisioningNotificationsTest {

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final FakeContacts contacts = new FakeContacts().with(SARA, SARAS_CONTACTS);
    private final FakeVms vms = new FakeVms().with(VM, SARA, HOSTNAME);
    private final ProvisioningNotifications policy = new ProvisioningNotifications(contacts, vms, notifier, Runnable::run);

    private static final Map<String, String> VM_READY = Map.of(
            "hostname", HOSTNAME, "ipAddress", IP_ADDRESS, "vmId", VM.value());

    private static Notification email(NotificationTemplate template, Map<String, String> parameters) {
        return new Notification(ContactChannel.EMAIL, EMAIL, "Sara Rahimi", "fa", template, parameters);
    }

    private static Notification sms(NotificationTemplate template, Map<String, String> parameters) {
        return new Notification(ContactChannel.SMS, MOBILE, "Sara Rahimi", "fa", template, parameters);
    }

    @Nested
    class WhenAVmIsProvisioned {

        @Test
        void tellsTheOwnerByEmailAndSmsItsHostnameIpAddressAndIdInTheirLanguage() {
            policy.on(provisioned());

            assertThat(notifier.sent()).containsExactly(
                    email(NotificationTemplate.VM_READY, VM_READY),
                    sms(NotificationTemplate.VM_READY, VM_READY));
        }

        @Test
        void onlyMailsAnOwnerWhoseMobileNumberIsNotVerified() {
            contacts.with(SARA, new CustomerContacts.Contact("Sara Rahimi", "en", EMAIL, null));

            policy.on(provisioned());

            assertThat(notifier.sent()).containsExactly(new Notification(ContactChannel.EMAIL, EMAIL, "Sara Rahimi",
                    "en", NotificationTemplate.VM_READY, VM_READY));
        }

        @Test
        void tellsNobodyAboutAVmItCannotFind() {
            VmId unknown = new VmId("00000000-0000-3000-8000-000000000000");

            assertThatCode(() -> policy.on(provisioned(unknown, IP_ADDRESS))).doesNotThrowAnyException();

            assertThat(notifier.phasesAtHandOver()).isEmpty();
        }

        @Test
        void tellsNobodyWhenTheCustomerHasNoAccount() {
            FakeContacts nobody = new FakeContacts();
            ProvisioningNotifications withoutAccounts = new ProvisioningNotifications(nobody, vms, notifier, Runnable::run);

            assertThatCode(() -> withoutAccounts.on(provisioned())).doesNotThrowAnyException();

            assertThat(notifier.phasesAtHandOver()).isEmpty();
        }

        @Test
        void announcesNoVmWithoutAnIpAddressRatherThanSendAMessageWithAHoleInIt() {
            assertThatCode(() -> policy.on(provisioned(VM, null))).doesNotThrowAnyException();

            assertThat(notifier.phasesAtHandOver()).isEmpty();
        }
    }

    @Nested
    class WhenAnOrderFails {

        @Test
        void tellsTheCustomerByEmailAndSmsThatItFailedOnOurSideAndWhatWentBackToTheirWallet() {
            policy.on(orderFailed("vcenter.unavailable"));

            Map<String, String> parameters = Map.of(
                    "orderId", ORDER.value(), "reason", "technical", "refund", "1,200,000 IRR");
            assertThat(notifier.sent()).containsExactly(
                    email(NotificationTemplate.ORDER_FAILED, parameters),
                    sms(NotificationTemplate.ORDER_FAILED, parameters));
        }

        @Test
        void saysTheDataCentreHadNoRoomWhenThatIsWhyItFailed() {
            policy.on(orderFailed("vcenter.insufficient-capacity"));

            assertThat(notifier.sent()).extracting(n -> n.parameters().get("reason"))
                    .containsExactly("capacity", "capacity");
        }

        @Test
        void givesAnyOtherFailureAsATechnicalProblemWithoutVcentersOwnWords() {
            for (String code : List.of("vcenter.not-found", "vcenter.no-guest-ip", "provisioning.timeout", "")) {
                assertThat(ProvisioningNotifications.reasonFor(code)).as(code).isEqualTo("technical");
            }
            policy.on(orderFailed("vcenter.rejected"));

            assertThat(notifier.sent()).hasSize(2).allSatisfy(n -> assertThat(n.parameters().values())
                    .noneMatch(value -> value.contains("vCenter")));
        }

        @Test
        void findsTheCustomerAsTheOwnerOfTheOrdersVm() {
            CustomerId reza = new CustomerId("c4a0e6b1-2f7d-4e39-8b15-93d2f0a7c6e4");
            FakeVms ownedByReza = new FakeVms().with(VM, reza, HOSTNAME);
            contacts.with(reza, new CustomerContacts.Contact("Reza", "en", "reza@example.com", null));

            new ProvisioningNotifications(contacts, ownedByReza, notifier, Runnable::run)
                    .on(orderFailed("vcenter.unavailable"));

            assertThat(notifier.sent()).extracting(Notification::recipient).containsExactly("reza@example.com");
        }

        @Test
        void tellsNobodyAboutAnOrderWhoseVmItCannotFind() {
            ProvisioningNotifications withoutVms = new ProvisioningNotifications(contacts, new FakeVms(), notifier,
                    Runnable::run);

            assertThatCode(() -> withoutVms.on(orderFailed("vcenter.unavailable"))).doesNotThrowAnyException();

            assertThat(notifier.phasesAtHandOver()).isEmpty();
        }

        @Test
        void doesNotAnnounceARefundWhenNothingWasRefunded() {
            policy.on(new OrderFailedEvent(ORDER, "vcenter.unavailable", "connection refused", null, null, null));

            assertThat(notifier.phasesAtHandOver()).isEmpty();
        }

        @Test
        void writesTheRefundWithItsThousandsGroupedAndItsMinorUnitsOnlyWhenThereAreAny() {
            assertThat(ProvisioningNotifications.amount(Money.of("1200000", "IRR"))).isEqualTo("1,200,000 IRR");
            assertThat(ProvisioningNotifications.amount(Money.of("950", "IRR"))).isEqualTo("950 IRR");
            assertThat(ProvisioningNotifications.amount(Money.of("12.5", "USD"))).isEqualTo("12.50 USD");
            assertThat(ProvisioningNotifications.amount(Money.of("1234567.89", "EUR"))).isEqualTo("1,234,567.89 EUR");
            assertThat(ProvisioningNotifications.amount(Money.of("1500", "JPY"))).isEqualTo("1,500 JPY");
            policy.on(new OrderFailedEvent(ORDER, "vcenter.unavailable", "x", WALLET, REFUND, Money.of("49.90", "EUR")));

            assertThat(notifier.sent()).extracting(n -> n.parameters().get("refund"))
                    .containsOnly("49.90 EUR");
        }
    }

    @Nested
    class Delivery {

        @Test
        void handsTheMessagesOverOnlyAfterTheUnitOfWorkHandlingTheEventHasCommitted() {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(provisioned()));
            policy.on(provisioned());
            assertThat(notifier.phasesAtHandOver()).isEmpty();

            unitOfWork.commit();

            assertThat(notifier.phasesAtHandOver()).containsExactly(UnitOfWork.Phase.AFTER_COMMIT,
                    UnitOfWork.Phase.AFTER_COMMIT);
            assertThat(notifier.sent()).hasSize(2);
        }

        @Test
        void sendsNothingWhenTheUnitOfWorkHandlingTheEventRollsBack() {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(provisioned()));
            policy.on(orderFailed("vcenter.unavailable"));

            unitOfWork.rollback(new IllegalStateException("the token could not be stored"));

            assertThat(notifier.phasesAtHandOver()).isEmpty();
        }

        @Test
        void sendsOnTheDeliveryExecutorRatherThanTheProcessorsThread() {
            List<Runnable> queued = new ArrayList<>();
            ProvisioningNotifications queueing = new ProvisioningNotifications(contacts, vms, notifier, queued::add);

            queueing.on(provisioned());
            assertThat(notifier.phasesAtHandOver()).isEmpty();
            queued.forEach(Runnable::run);

            assertThat(notifier.sent()).hasSize(2);
        }

        @Test
        void aCarrierThatIsDownCostsOnlyItsOwnMessageAndNeverFailsTheEvent() {
            notifier.carrierIsDown(ContactChannel.EMAIL);

            assertThatCode(() -> policy.on(provisioned())).doesNotThrowAnyException();

            assertThat(notifier.phasesAtHandOver()).hasSize(2);
            assertThat(notifier.sent()).containsExactly(sms(NotificationTemplate.VM_READY, VM_READY));
        }

        @Test
        void aFullDeliveryQueueLosesTheMessagesButNeverFailsTheEvent() {
            Executor full = task -> {
                throw new RejectedExecutionException("queue full");
            };
            ProvisioningNotifications overloaded = new ProvisioningNotifications(contacts, vms, notifier, full);

            assertThatCode(() -> overloaded.on(orderFailed("vcenter.unavailable"))).doesNotThrowAnyException();

            assertThat(notifier.phasesAtHandOver()).isEmpty();
        }
    }

    @Nested
    class Replays {

        private final AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(policy);

        @Test
        void sendsNothingForEventsThatAreReplayed() throws Exception {
            TrackingToken replaying = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                    new GlobalSequenceTrackingToken(41));

            handlers.handle(new GenericTrackedEventMessage<>(replaying, GenericEventMessage.asEventMessage(provisioned())));
            handlers.handle(new GenericTrackedEventMessage<>(replaying,
                    GenericEventMessage.asEventMessage(orderFailed("vcenter.unavailable"))));

            assertThat(notifier.phasesAtHandOver()).isEmpty();
        }

        @Test
        void sendsForEventsSeenForTheFirstTime() throws Exception {
            handlers.handle(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(101),
                    GenericEventMessage.asEventMessage(provisioned())));

            assertThat(notifier.sent()).hasSize(2);
        }
    }
}
