package com.nettoria.ui.web;

import com.nettoria.coreapi.common.ErrorCodes;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** How each business error code of the command side is answered over HTTP. */
final class BusinessProblems {

    record Mapping(HttpStatus status, String title) {
    }

    private static final Map<String, Mapping> MAPPINGS = Map.ofEntries(
            Map.entry(ErrorCodes.NOT_FOUND, new Mapping(HttpStatus.NOT_FOUND, "Not found")),
            Map.entry(ErrorCodes.ALREADY_EXISTS, new Mapping(HttpStatus.CONFLICT, "Already exists")),
            Map.entry(ErrorCodes.CONCURRENT_MODIFICATION, new Mapping(HttpStatus.CONFLICT, "Changed concurrently, try again")),
            Map.entry(ErrorCodes.INVALID_MONEY, new Mapping(HttpStatus.BAD_REQUEST, "Invalid amount")),
            Map.entry(ErrorCodes.WALLET_AMOUNT_NOT_POSITIVE, new Mapping(HttpStatus.BAD_REQUEST, "Invalid amount")),
            Map.entry(ErrorCodes.WALLET_INSUFFICIENT_FUNDS, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Insufficient funds")),
            Map.entry(ErrorCodes.WALLET_CURRENCY_MISMATCH, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong currency")),
            Map.entry(ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                    new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused for a different request")),
            Map.entry(ErrorCodes.ACCOUNT_ALREADY_EXISTS, new Mapping(HttpStatus.CONFLICT, "Account exists")),
            Map.entry(ErrorCodes.WEAK_PASSWORD, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Password too weak")),
            Map.entry(ErrorCodes.WRONG_PASSWORD, new Mapping(HttpStatus.FORBIDDEN, "Wrong password")),
            Map.entry(ErrorCodes.INVALID_CODE, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid code")),
            Map.entry(ErrorCodes.CODE_RESEND_TOO_SOON, new Mapping(HttpStatus.TOO_MANY_REQUESTS, "Too soon")),
            Map.entry(ErrorCodes.CONTACT_NOT_VERIFIED, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Contact not verified")),
            Map.entry(ErrorCodes.ALREADY_VERIFIED, new Mapping(HttpStatus.CONFLICT, "Already verified")),
            Map.entry(ErrorCodes.CONTACT_TAKEN, new Mapping(HttpStatus.CONFLICT, "Contact taken")),
            Map.entry(ErrorCodes.TWO_FACTOR_STATE, new Mapping(HttpStatus.CONFLICT, "Two-factor authentication")),
            Map.entry(ErrorCodes.ACCOUNT_SUSPENDED, new Mapping(HttpStatus.FORBIDDEN, "Account suspended")),
            Map.entry(ErrorCodes.IDENTITY_ALREADY_VERIFIED, new Mapping(HttpStatus.CONFLICT, "Identity already verified")),
            Map.entry(ErrorCodes.NO_IDENTITY_DOCUMENT, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "No identity document")),
            Map.entry(ErrorCodes.LAST_ROLE, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Last role")),
            Map.entry(ErrorCodes.SESSION_NOT_FOUND, new Mapping(HttpStatus.NOT_FOUND, "No such session")),
            Map.entry(ErrorCodes.VERIFICATION_REQUIRED, new Mapping(HttpStatus.FORBIDDEN, "Verification required")),
            Map.entry(ErrorCodes.PROFILE_INCOMPLETE, new Mapping(HttpStatus.FORBIDDEN, "Profile incomplete")),
            Map.entry(ErrorCodes.CATALOGUE_UNKNOWN_DATACENTER, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown datacenter")),
            Map.entry(ErrorCodes.CATALOGUE_UNKNOWN_OPERATING_SYSTEM,
                    new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown operating system")),
            Map.entry(ErrorCodes.CATALOGUE_UNKNOWN_PLAN, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown plan")),
            Map.entry(ErrorCodes.CATALOGUE_NOT_ORDERABLE, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Not orderable")),
            Map.entry(ErrorCodes.CATALOGUE_NO_TEMPLATE,
                    new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Operating system not available there")),
            Map.entry(ErrorCodes.CATALOGUE_PLAN_NOT_IN_DATACENTER,
                    new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Plan not available there")),
            Map.entry(ErrorCodes.CATALOGUE_CUSTOM_DISABLED,
                    new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Custom configurations unavailable")),
            Map.entry(ErrorCodes.CATALOGUE_SPEC_OUT_OF_RANGE, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Size out of range")),
            Map.entry(ErrorCodes.CATALOGUE_CURRENCY_MISMATCH, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Wrong currency")),
            Map.entry(ErrorCodes.CATALOGUE_PRICE_NOT_POSITIVE, new Mapping(HttpStatus.BAD_REQUEST, "Invalid price")),
            Map.entry(ErrorCodes.CATALOGUE_INVALID_LIMITS, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid limits")),
            Map.entry(ErrorCodes.CATALOGUE_INVALID_DISCOUNT, new Mapping(HttpStatus.BAD_REQUEST, "Invalid discount")),
            Map.entry(ErrorCodes.ORDER_NOT_AWAITING_PAYMENT, new Mapping(HttpStatus.CONFLICT, "Order not awaiting payment")),
            Map.entry(ErrorCodes.ORDER_NOT_YOURS, new Mapping(HttpStatus.NOT_FOUND, "Order not found")),
            Map.entry(ErrorCodes.DATACENTER_FULL, new Mapping(HttpStatus.CONFLICT, "Datacenter full")),
            Map.entry(ErrorCodes.ORDER_ILLEGAL_STATE, new Mapping(HttpStatus.CONFLICT, "Not possible in the order's state")),
            Map.entry(ErrorCodes.VM_NOT_FOUND, new Mapping(HttpStatus.NOT_FOUND, "VM not found")),
            Map.entry(ErrorCodes.VM_ILLEGAL_STATE, new Mapping(HttpStatus.CONFLICT, "Not possible in the VM's state")),
            Map.entry(ErrorCodes.VM_SNAPSHOT_LIMIT, new Mapping(HttpStatus.CONFLICT, "Too many snapshots")),
            Map.entry(ErrorCodes.VM_SNAPSHOT_NOT_FOUND, new Mapping(HttpStatus.NOT_FOUND, "Snapshot not found")),
            Map.entry(ErrorCodes.VM_INVALID_SNAPSHOT, new Mapping(HttpStatus.BAD_REQUEST, "Invalid snapshot")),
            Map.entry(ErrorCodes.VM_INVALID_SNAPSHOT_SCHEDULE,
                    new Mapping(HttpStatus.BAD_REQUEST, "Invalid backup schedule")),
            Map.entry(ErrorCodes.VM_INVALID_HOSTNAME, new Mapping(HttpStatus.BAD_REQUEST, "Invalid host name")),
            Map.entry(ErrorCodes.VM_SCALE_DOWN, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "A VM only grows")),
            Map.entry(ErrorCodes.VM_SCALE_UNCHANGED, new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Nothing to change")),
            Map.entry(ErrorCodes.VM_SCALE_IN_PROGRESS, new Mapping(HttpStatus.CONFLICT, "Scale under way")),
            Map.entry(ErrorCodes.VM_SUSPENDED, new Mapping(HttpStatus.CONFLICT, "VM suspended")),
            Map.entry(ErrorCodes.VM_OPERATION_PENDING, new Mapping(HttpStatus.CONFLICT, "Another operation under way")),
            Map.entry(ErrorCodes.VM_INVALID_SUSPENSION, new Mapping(HttpStatus.BAD_REQUEST, "Invalid suspension")));

    /** The catalogue's refusals of what an order asks for (unknown plan, datacenter or size out of limits, ...). */
    private static final String CATALOGUE_PREFIX = "catalogue.";
    private static final Mapping CATALOGUE = new Mapping(HttpStatus.UNPROCESSABLE_ENTITY, "Not available in the catalogue");

    private BusinessProblems() {
    }

    /** Unknown codes are the platform's own fault, never the caller's: 500. */
    static Mapping of(String code) {
        if (code != null && code.startsWith(CATALOGUE_PREFIX)) {
            return MAPPINGS.getOrDefault(code, CATALOGUE);
        }
        return MAPPINGS.getOrDefault(code, new Mapping(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"));
    }
}
