package com.nettoria.command.vcenter.adapter.vijava;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SDK endpoint the session talks to, from {@code nettoria.vcenter.url}. */
class VijavaSessionTest {

    @Test
    void theSdkUrlIsHttpsWithoutCredentialsAndABareHostGetsSdk() {
        assertThat(VijavaSession.sdkUrl("https://vcenter.example")).isEqualTo("https://vcenter.example/sdk");
        assertThat(VijavaSession.sdkUrl("https://vcenter.example/")).isEqualTo("https://vcenter.example/sdk");
        assertThat(VijavaSession.sdkUrl(" https://127.0.0.1:8989/sdk ")).isEqualTo("https://127.0.0.1:8989/sdk");
        assertThatThrownBy(() -> VijavaSession.sdkUrl("http://vcenter.example/sdk"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> VijavaSession.sdkUrl("https://user:pass@vcenter.example/sdk"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nettoria.vcenter.username");
        assertThatThrownBy(() -> VijavaSession.sdkUrl("vcenter.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nettoria.vcenter.url");
    }
}
