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
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;


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
                                                String publicBaseUrl,
                                                NotificationDelivery delivery) {
        return new AccountCommandHandler(accounts, directory, hasher, policy, codes, notifier,
                publicBaseUrl.replaceAll("/+$", "") + "/api/auth/verify/email/link", delivery.executor());
    }

    /**
     * Delivers codes and security notices off the request's thread (SMTP and SMS.ir calls can take seconds). Not
     * an {@code Executor} bean, so that Spring Boot's own task executor stays as it is.
     */
    @Bean(destroyMethod = "shutdown")
    NotificationDelivery notificationDelivery() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(1_000);
        executor.setThreadNamePrefix("notify-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return new NotificationDelivery(executor);
    }

    /** The delivery thread pool, owned by the application context. */
    public record NotificationDelivery(ThreadPoolTaskExecutor executor) {

        void shutdown() {
            executor.shutdown();
        }
    }
}
