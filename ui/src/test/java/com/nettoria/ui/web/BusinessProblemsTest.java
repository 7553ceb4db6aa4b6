package com.nettoria.ui.web;

import com.nettoria.coreapi.common.ErrorCodes;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessProblemsTest {

    @Test
    void everyCatalogueRefusalIsAnUnprocessableRequest() {
        assertThat(BusinessProblems.of("catalogue.plan-not-found").status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(BusinessProblems.of("catalogue.size-out-of-limits").status())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void orderAndVmRefusalsHaveTheirOwnStatuses() {
        assertThat(BusinessProblems.of(ErrorCodes.ORDER_NOT_AWAITING_PAYMENT).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(BusinessProblems.of(ErrorCodes.ORDER_NOT_YOURS).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(BusinessProblems.of(ErrorCodes.VM_NOT_FOUND).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(BusinessProblems.of(ErrorCodes.VM_ILLEGAL_STATE).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(BusinessProblems.of(ErrorCodes.VM_SNAPSHOT_LIMIT).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(BusinessProblems.of(ErrorCodes.VM_SNAPSHOT_NOT_FOUND).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(BusinessProblems.of(ErrorCodes.VM_INVALID_SNAPSHOT).status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(BusinessProblems.of(ErrorCodes.VM_INVALID_HOSTNAME).status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(BusinessProblems.of(ErrorCodes.VM_SUSPENDED).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(BusinessProblems.of(ErrorCodes.VM_OPERATION_PENDING).status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(BusinessProblems.of(ErrorCodes.VM_INVALID_SUSPENSION).status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aScaleThatWouldShrinkOrChangeNothingIsUnprocessableAndOneUnderWayAConflict() {
        assertThat(BusinessProblems.of(ErrorCodes.VM_SCALE_DOWN).status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(BusinessProblems.of(ErrorCodes.VM_SCALE_UNCHANGED).status())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(BusinessProblems.of(ErrorCodes.VM_SCALE_IN_PROGRESS).status()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anUnknownCodeIsStillThePlatformsFault() {
        assertThat(BusinessProblems.of("order.something-new").status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
