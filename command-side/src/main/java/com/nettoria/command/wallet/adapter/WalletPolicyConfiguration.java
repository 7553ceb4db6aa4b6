package com.nettoria.command.wallet.adapter;

import com.nettoria.command.wallet.CustomerWalletPolicy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Currency;

@Configuration(proxyBeanMethods = false)
public class WalletPolicyConfiguration {

    @Bean
    CustomerWalletPolicy customerWalletPolicy(CommandGateway commands,
                                              @Value("${nettoria.wallet.default-currency:IRR}") String currency) {
        return new CustomerWalletPolicy(commands, Currency.getInstance(currency));
    }
}
