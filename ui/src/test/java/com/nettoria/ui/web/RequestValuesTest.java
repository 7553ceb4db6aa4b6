package com.nettoria.ui.web;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.vm.PowerAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestValuesTest {

    @Test
    void readsEnumNamesInAnyCaseWithHyphensForUnderscores() {
        assertThat(RequestValues.requiredEnum(PowerAction.class, "force-off", "action")).isEqualTo(PowerAction.FORCE_OFF);
        assertThat(RequestValues.requiredEnum(PowerAction.class, " Reset ", "action")).isEqualTo(PowerAction.RESET);
        assertThat(RequestValues.requiredEnum(BillingPeriod.class, "SEMI_ANNUAL", "period"))
                .isEqualTo(BillingPeriod.SEMI_ANNUAL);
        assertThat(RequestValues.optionalEnum(PowerAction.class, "", "action")).isNull();
    }

    @Test
    void anUnknownOrMissingNameIsABadRequestNamingTheField() {
        assertThatThrownBy(() -> RequestValues.requiredEnum(PowerAction.class, "explode", "action"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.field()).isEqualTo("action");
                    assertThat(problem.getMessage()).contains("ON, OFF, FORCE_OFF, RESET");
                });
        assertThatThrownBy(() -> RequestValues.requiredEnum(PowerAction.class, null, "action"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.field()).isEqualTo("action"));
    }

    @Test
    void identifiersAreCanonicalUuids() {
        assertThat(RequestValues.uuid("3F1C2A9E-5B8D-4E1F-9A7C-2D6B8E0F1A3C", "vmId"))
                .isEqualTo("3f1c2a9e-5b8d-4e1f-9a7c-2d6b8e0f1a3c");
        for (String bad : new String[]{"vm-1", "1-2-3-4-5", "", "3f1c2a9e5b8d4e1f9a7c2d6b8e0f1a3c"}) {
            assertThatThrownBy(() -> RequestValues.uuid(bad, "vmId")).as(bad)
                    .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.field()).isEqualTo("vmId"));
        }
    }
}
