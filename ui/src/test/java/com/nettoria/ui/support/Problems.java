package com.nettoria.ui.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.nettoria.ui.support.WalletApiClient.ApiResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The RFC 7807 answer every refusal must be: status, problem+json, title, detail, stable code, named field. */
public final class Problems {

    private Problems() {
    }

    /** @param code the expected {@code code}, or null not to check it; @param field null: no field at all */
    public static void assertProblem(ApiResponse response, int status, String code, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.isProblem()).as("Content-Type of %s", response).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (code != null) {
            assertThat(problem.path("code").asText()).as("code of %s", response).isEqualTo(code);
        }
        if (field == null) {
            assertThat(problem.has("field")).as("no field in %s", response).isFalse();
        } else {
            assertThat(problem.path("field").asText()).as("field of %s", response).isEqualTo(field);
        }
    }
}
