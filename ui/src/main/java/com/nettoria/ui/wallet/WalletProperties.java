package com.nettoria.ui.wallet;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code nettoria.wallet.*}
 *
 * @param defaultCurrency the currency of a wallet when a request names none
 * @param currencies      the currencies customers may hold wallets in
 */
@ConfigurationProperties("nettoria.wallet")
public record WalletProperties(String defaultCurrency, List<String> currencies) {

    public WalletProperties {
        defaultCurrency = defaultCurrency == null ? "IRR" : defaultCurrency;
        currencies = currencies == null || currencies.isEmpty() ? List.of(defaultCurrency) : List.copyOf(currencies);
    }
}
