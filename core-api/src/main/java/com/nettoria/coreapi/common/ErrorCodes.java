package com.nettoria.coreapi.common;

/** The stable error codes of {@link BusinessError}; the web layer maps each to an HTTP status and title. */
public final class ErrorCodes {

    public static final String NOT_FOUND = "aggregate.not-found";
    public static final String ALREADY_EXISTS = "aggregate.already-exists";
    public static final String CONCURRENT_MODIFICATION = "aggregate.concurrent-modification";
    public static final String INVALID_MONEY = "money.invalid";
    public static final String MISSING_CAUSATION = "causation.missing";

    public static final String WALLET_INSUFFICIENT_FUNDS = "wallet.insufficient-funds";
    public static final String WALLET_CURRENCY_MISMATCH = "wallet.currency-mismatch";
    public static final String WALLET_AMOUNT_NOT_POSITIVE = "wallet.amount-not-positive";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency.key-reused";

    public static final String INVALID_INPUT = "input.invalid";
    public static final String ACCOUNT_ALREADY_EXISTS = "identity.account-exists";
    public static final String WEAK_PASSWORD = "identity.weak-password";
    public static final String WRONG_PASSWORD = "identity.wrong-password";
    public static final String INVALID_CODE = "identity.invalid-code";
    public static final String CODE_RESEND_TOO_SOON = "identity.code-resend-too-soon";
    public static final String CONTACT_NOT_VERIFIED = "identity.contact-not-verified";
    public static final String ALREADY_VERIFIED = "identity.already-verified";
    public static final String CONTACT_TAKEN = "identity.contact-taken";
    public static final String TWO_FACTOR_STATE = "identity.two-factor-state";
    public static final String ACCOUNT_SUSPENDED = "identity.account-suspended";
    public static final String IDENTITY_ALREADY_VERIFIED = "identity.identity-already-verified";
    public static final String NO_IDENTITY_DOCUMENT = "identity.no-identity-document";
    public static final String LAST_ROLE = "identity.last-role";
    public static final String SESSION_NOT_FOUND = "identity.session-not-found";
    public static final String VERIFICATION_REQUIRED = "identity.verification-required";
    public static final String PROFILE_INCOMPLETE = "identity.profile-incomplete";
    public static final String TOO_MANY_REQUESTS = "rate-limit.exceeded";

    public static final String ORDER_NOT_AWAITING_PAYMENT = "order.not-awaiting-payment";
    public static final String ORDER_NOT_YOURS = "order.not-found";
    public static final String ORDER_ILLEGAL_STATE = "order.illegal-state";
    /**
     * The datacenter cannot take the VM ordered or the growth of a scale-up: vCPUs, memory or disk beyond what the
     * oversubscription ratios let it sell, or no datastore with room for the disk (checked against vCenter).
     */
    public static final String DATACENTER_FULL = "order.datacenter-full";
    public static final String VM_NOT_FOUND = "vm.not-found";
    public static final String VM_ILLEGAL_STATE = "vm.illegal-state";
    public static final String VM_SNAPSHOT_LIMIT = "vm.snapshot-limit";
    public static final String VM_SNAPSHOT_NOT_FOUND = "vm.snapshot-not-found";
    public static final String VM_INVALID_SNAPSHOT = "vm.invalid-snapshot";
    /** A backup schedule that breaks {@code VmSnapshotSchedule}'s rules (the field is named). */
    public static final String VM_INVALID_SNAPSHOT_SCHEDULE = "vm.invalid-snapshot-schedule";
    public static final String VM_SNAPSHOT_SCHEDULE_NOT_FOUND = "vm.snapshot-schedule-not-found";
    public static final String VM_INVALID_HOSTNAME = "vm.invalid-hostname";
    /** A scale request that would shrink a resource (the field names which); disks only grow. */
    public static final String VM_SCALE_DOWN = "vm.scale-down";
    /** A scale request to the size the VM has already. */
    public static final String VM_SCALE_UNCHANGED = "vm.scale-unchanged";
    /** A scale request while an earlier one is still being carried out. */
    public static final String VM_SCALE_IN_PROGRESS = "vm.scale-in-progress";
    /** The VM is suspended by the platform: its owner can do nothing with it (the reason in the context). */
    public static final String VM_SUSPENDED = "vm.suspended";
    /** A rebuild asked for while another operation on the VM has not ended. */
    public static final String VM_OPERATION_PENDING = "vm.operation-pending";
    /** A suspension without a reason (or with one over 255 characters). */
    public static final String VM_INVALID_SUSPENSION = "vm.invalid-suspension";
    /** Provisioning failure reasons: {@code vcenter.<kind>} for a vCenter refusal, and a timeout of the whole process. */
    public static final String VCENTER_PREFIX = "vcenter.";
    public static final String PROVISIONING_TIMEOUT = "provisioning.timeout";

    public static final String CATALOGUE_UNKNOWN_DATACENTER = "catalogue.unknown-datacenter";
    public static final String CATALOGUE_UNKNOWN_OPERATING_SYSTEM = "catalogue.unknown-operating-system";
    public static final String CATALOGUE_UNKNOWN_PLAN = "catalogue.unknown-plan";
    public static final String CATALOGUE_NOT_ORDERABLE = "catalogue.not-orderable";
    public static final String CATALOGUE_NO_TEMPLATE = "catalogue.no-template";
    public static final String CATALOGUE_PLAN_NOT_IN_DATACENTER = "catalogue.plan-not-in-datacenter";
    public static final String CATALOGUE_CUSTOM_DISABLED = "catalogue.custom-disabled";
    public static final String CATALOGUE_SPEC_OUT_OF_RANGE = "catalogue.spec-out-of-range";
    public static final String CATALOGUE_CURRENCY_MISMATCH = "catalogue.currency-mismatch";
    public static final String CATALOGUE_PRICE_NOT_POSITIVE = "catalogue.price-not-positive";
    public static final String CATALOGUE_INVALID_LIMITS = "catalogue.invalid-limits";
    public static final String CATALOGUE_INVALID_DISCOUNT = "catalogue.invalid-discount";

    private ErrorCodes() {
    }
}
