package com.nettoria.command.order;

import com.nettoria.coreapi.order.OrderStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.nettoria.command.common.Refusals.refusal;
import static com.nettoria.command.order.OrderTestData.NOW;
import static com.nettoria.command.order.OrderTestData.OWNER;
import static com.nettoria.command.order.OrderTestData.PAYMENT_DUE;
import static com.nettoria.command.order.OrderTestData.PAYMENT_WINDOW;
import static com.nettoria.command.order.OrderTestData.STRANGER;
import static com.nettoria.command.order.OrderTestData.cancel;
import static com.nettoria.command.order.OrderTestData.cancelled;
import static com.nettoria.command.order.OrderTestData.expired;
import static com.nettoria.command.order.OrderTestData.failed;
import static com.nettoria.command.order.OrderTestData.fulfil;
import static com.nettoria.command.order.OrderTestData.fulfilled;
import static com.nettoria.command.order.OrderTestData.openOrder;
import static com.nettoria.command.order.OrderTestData.paid;
import static com.nettoria.command.order.OrderTestData.payment;
import static com.nettoria.command.order.OrderTestData.paymentFailed;
import static com.nettoria.command.order.OrderTestData.paymentFailure;
import static com.nettoria.command.order.OrderTestData.placed;
import static com.nettoria.command.order.OrderTestData.placedAt;
import static com.nettoria.command.order.OrderTestData.refund;

/**
 * An order's life from its past events: placed at a quoted price with a day to pay, paid once, expired when not
 * paid in time, cancelled before payment, then fulfilled or failed (refunded) while its VM is provisioned.
 */
class OrderTest {

    private static final String NOT_AWAITING_PAYMENT = "order.not-awaiting-payment";
    private static final String NOT_FOUND = "order.not-found";
    private static final String ILLEGAL_STATE = "order.illegal-state";

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    @Nested
    class Placing {

        @Test
        void placingAnOrderRecordsTheQuoteAndGivesADayToPayIt() {
            fixture.givenCurrentTime(NOW)
                    .when(openOrder())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(placed())
                    .expectScheduledDeadlineWithName(NOW.plus(PAYMENT_WINDOW), PAYMENT_DUE);
        }

        @Test
        void thePaymentDeadlineIsADayAfterWhateverTimeTheOrderIsPlaced() {
            Instant later = NOW.plus(Duration.ofDays(40).plusMinutes(17));
            fixture.givenCurrentTime(later)
                    .when(openOrder())
                    .expectEvents(placedAt(later))
                    .expectScheduledDeadlineWithName(PAYMENT_WINDOW, PAYMENT_DUE);
        }
    }

    @Nested
    class Payment {

        @Test
        void recordsThePaymentOfAnOrderAwaitingIt() {
            fixture.given(placed())
                    .when(payment("pay-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(paid("pay-1"));
        }

        @Test
        void anOrderWhoseFirstPaymentFailedCanStillBePaid() {
            fixture.given(placed(), paymentFailed())
                    .when(payment("pay-2"))
                    .expectEvents(paid("pay-2"));
        }

        @Test
        void aRepeatedRecordOfTheSamePaymentChangesNothing() {
            fixture.given(placed(), paid("pay-1"))
                    .when(payment("pay-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRepeatedRecordOfThePaymentChangesNothingEvenAfterTheOrderWasFulfilled() {
            fixture.given(placed(), paid("pay-1"), fulfilled())
                    .when(payment("pay-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesASecondPaymentOfAPaidOrder() {
            fixture.given(placed(), paid("pay-1"))
                    .when(payment("pay-2"))
                    .expectException(refusal(OrderRefusal.class, NOT_AWAITING_PAYMENT,
                            Map.of("status", OrderStatus.PROVISIONING.name())))
                    .expectNoEvents();
        }

        @Test
        void refusesPaymentOfAnExpiredOrder() {
            fixture.given(placed(), expired())
                    .when(payment("pay-1"))
                    .expectException(refusal(OrderRefusal.class, NOT_AWAITING_PAYMENT,
                            Map.of("status", OrderStatus.EXPIRED.name())))
                    .expectNoEvents();
        }

        @Test
        void refusesPaymentOfACancelledOrder() {
            fixture.given(placed(), cancelled())
                    .when(payment("pay-1"))
                    .expectException(refusal(OrderRefusal.class, NOT_AWAITING_PAYMENT))
                    .expectNoEvents();
        }

        @Test
        void recordsWhyTheWalletDidNotPayAnOrderAwaitingPayment() {
            fixture.given(placed())
                    .when(paymentFailure())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(paymentFailed());
        }

        @Test
        void aPaymentFailureReportedAfterThePaymentIsIgnored() {
            fixture.given(placed(), paid("pay-1"))
                    .when(paymentFailure())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPaymentFailureReportedForAnExpiredOrderIsIgnored() {
            fixture.given(placed(), expired())
                    .when(paymentFailure())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aPaymentFailureReportedForACancelledOrderIsIgnored() {
            fixture.given(placed(), cancelled())
                    .when(paymentFailure())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class PaymentDeadline {

        @Test
        void anUnpaidOrderExpiresADayAfterItWasPlaced() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(openOrder())
                    .whenTimeElapses(PAYMENT_WINDOW)
                    .expectTriggeredDeadlinesWithName(PAYMENT_DUE)
                    .expectEvents(expired());
        }

        @Test
        void anOrderWhosePaymentFailedStillExpires() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(openOrder(), paymentFailure())
                    .whenTimeElapses(PAYMENT_WINDOW)
                    .expectEvents(expired());
        }

        @Test
        void anUnpaidOrderDoesNotExpireBeforeItsDay() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(openOrder())
                    .whenTimeElapses(PAYMENT_WINDOW.minusSeconds(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlines()
                    .expectScheduledDeadlineWithName(NOW.plus(PAYMENT_WINDOW), PAYMENT_DUE);
        }

        @Test
        void aPaidOrderDoesNotExpireWhenItsDeadlineComes() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(openOrder(), payment("pay-1"))
                    .whenTimeElapses(PAYMENT_WINDOW)
                    .expectTriggeredDeadlinesWithName(PAYMENT_DUE)
                    .expectNoEvents();
        }

        @Test
        void aCancelledOrderDoesNotExpireWhenItsDeadlineComes() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(openOrder(), cancel(OWNER))
                    .whenTimeElapses(PAYMENT_WINDOW)
                    .expectTriggeredDeadlinesWithName(PAYMENT_DUE)
                    .expectNoEvents();
        }

        @Test
        void anExpiredOrderCannotBeCancelledAnyMore() {
            fixture.given(placed(), expired())
                    .when(cancel(OWNER))
                    .expectException(refusal(OrderRefusal.class, ILLEGAL_STATE,
                            Map.of("status", OrderStatus.EXPIRED.name())))
                    .expectNoEvents();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void theOwnerCancelsAnOrderAwaitingPayment() {
            fixture.given(placed())
                    .when(cancel(OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(cancelled());
        }

        @Test
        void anAdministratorCancelsAnyoneSOrder() {
            fixture.given(placed(), paymentFailed())
                    .when(cancel(null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(cancelled());
        }

        @Test
        void someoneElseSOrderIsAnsweredAsIfItDidNotExist() {
            fixture.given(placed())
                    .when(cancel(STRANGER))
                    .expectException(refusal(OrderRefusal.class, NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void someoneElseLearnsNothingFromACancelledOrderEither() {
            fixture.given(placed(), cancelled())
                    .when(cancel(STRANGER))
                    .expectException(refusal(OrderRefusal.class, NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void refusesToCancelAPaidOrder() {
            fixture.given(placed(), paid("pay-1"))
                    .when(cancel(OWNER))
                    .expectException(refusal(OrderRefusal.class, ILLEGAL_STATE,
                            Map.of("status", OrderStatus.PROVISIONING.name())))
                    .expectNoEvents();
        }

        @Test
        void cancellingTwiceChangesNothing() {
            fixture.given(placed(), cancelled())
                    .when(cancel(OWNER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class Fulfilling {

        @Test
        void fulfilsAPaidOrderWhoseVmIsRunning() {
            fixture.given(placed(), paid("pay-1"))
                    .when(fulfil())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(fulfilled());
        }

        @Test
        void fulfillingAgainChangesNothing() {
            fixture.given(placed(), paid("pay-1"), fulfilled())
                    .when(fulfil())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesToFulfilAnOrderThatWasNotPaid() {
            fixture.given(placed())
                    .when(fulfil())
                    .expectException(refusal(OrderRefusal.class, ILLEGAL_STATE,
                            Map.of("status", OrderStatus.AWAITING_PAYMENT.name())))
                    .expectNoEvents();
        }

        @Test
        void refusesToFulfilAFailedOrder() {
            fixture.given(placed(), paid("pay-1"), failed("refund-1"))
                    .when(fulfil())
                    .expectException(refusal(OrderRefusal.class, ILLEGAL_STATE,
                            Map.of("status", OrderStatus.FAILED.name())))
                    .expectNoEvents();
        }
    }

    @Nested
    class Refunding {

        @Test
        void recordsTheRefundOfAnOrderWhoseProvisioningFailed() {
            fixture.given(placed(), paid("pay-1"))
                    .when(refund("refund-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(failed("refund-1"));
        }

        @Test
        void recordingTheRefundAgainChangesNothing() {
            fixture.given(placed(), paid("pay-1"), failed("refund-1"))
                    .when(refund("refund-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesARefundForAnOrderThatWasNeverPaid() {
            fixture.given(placed())
                    .when(refund("refund-1"))
                    .expectException(refusal(OrderRefusal.class, ILLEGAL_STATE,
                            Map.of("status", OrderStatus.AWAITING_PAYMENT.name())))
                    .expectNoEvents();
        }

        @Test
        void refusesARefundForAnOrderWhoseVmIsRunning() {
            fixture.given(placed(), paid("pay-1"), fulfilled())
                    .when(refund("refund-1"))
                    .expectException(refusal(OrderRefusal.class, ILLEGAL_STATE,
                            Map.of("status", OrderStatus.ACTIVE.name())))
                    .expectNoEvents();
        }
    }
}
