package com.nettoria.command.identity.adapter.directory;

import com.nettoria.command.identity.AccountCommandHandler;
import com.nettoria.command.identity.ContactDirectory;
import com.nettoria.command.identity.PasswordHasher;
import com.nettoria.command.identity.PasswordPolicy;
import com.nettoria.command.identity.SecretCodes;
import com.nettoria.command.identity.UserAccount;
import com.nettoria.command.notification.Notifier;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the account handler that works without a known account id (registration, login, codes). */
@Configuration(proxyBeanMethods = false)
public class AccountHandlingConfiguration {

    @Bean
    ContactDirectory contactDirectory(JdbcTemplate jdbc) {
        return new JdbcContactDirectory(jdbc);
    }

    @Bean
    AccountCommandHandler accountCommandHandler(@Qualifier("userAccountRepository") Repository<UserAccount> accounts,
                                                ContactDirectory directory, PasswordHasher hasher,
                                                PasswordPolicy policy, SecretCodes codes, Notifier notifier,
                                                @Value("${nettoria.notifications.public-base-url:http://localhost:8080}")
                                                String publicBaseUrl) {
        return new AccountCommandHandler(accounts, directory, hasher, policy, codes, notifier,
                publicBaseUrl.replaceAll("/+$", "") + "/api/auth/verify/email/link");
    }
}
