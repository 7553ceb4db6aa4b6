package com.nettoria.coreapi.common;

/**
 * The metadata keys that say who caused a message and why. Commands carry them; Axon's correlation data
 * providers copy them onto every event the command causes, so every money event explains itself forever:
 * who (actor), on whose behalf (roles), why (cause type and id: an order, an invoice, a VM hour, a customer
 * request), and through which request (idempotency key, request id, client address).
 */
public final class Causation {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String CAUSE_TYPE = "causeType";
    public static final String CAUSE_ID = "causeId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String USER_AGENT = "userAgent";

    /** Every key above, for correlation data providers. */
    public static final String[] KEYS = {
            ACTOR_ID, ACTOR_ROLES, CAUSE_TYPE, CAUSE_ID, IDEMPOTENCY_KEY, REQUEST_ID, CLIENT_ADDRESS, USER_AGENT
    };

    /** Values of {@link #CAUSE_TYPE}. */
    public static final class CauseType {
        public static final String CUSTOMER_REQUEST = "customer-request";
        public static final String ADMIN_ADJUSTMENT = "admin-adjustment";
        public static final String ORDER = "order";
        public static final String INVOICE = "invoice";
        public static final String VM_HOUR = "vm-hour";
        public static final String PAYMENT = "payment";
        public static final String SYSTEM = "system";
        public static final String ADMIN_CLI = "admin-cli";
        public static final String ADMIN_REQUEST = "admin-request";

        private CauseType() {
        }
    }

    private Causation() {
    }
}
