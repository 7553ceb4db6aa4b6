package com.nettoria.command.reconciliation.adapter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code nettoria.reconciliation.*}: whether and how often vCenter's inventory is compared with the platform's
 * (docs/provisioning.md, "Reconciliation").
 *
 * @param enabled  whether runs do anything (the recurring task stays registered, so a node with it off does not
 *                 leave an unknown task in {@code scheduled_tasks}); set it the same on every node
 * @param interval the pause between the end of one run and the start of the next, and before the first
 */
@ConfigurationProperties("nettoria.reconciliation")
public record ReconciliationProperties(@DefaultValue("true") boolean enabled,
                                       @DefaultValue("5m") Duration interval) {

    public ReconciliationProperties {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("nettoria.reconciliation.interval must be positive");
        }
    }
}
