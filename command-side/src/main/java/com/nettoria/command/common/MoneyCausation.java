package com.nettoria.command.common;

import com.nettoria.coreapi.common.Causation;
import org.axonframework.messaging.MetaData;

/**
 * The rule that every money movement says who caused it and why. The metadata itself travels on to the
 * events through the correlation data providers ({@link CommandSideAxonConfiguration}).
 */
public final class MoneyCausation {

    private MoneyCausation() {
    }

    /** @throws MissingCausationException when the actor or the cause type is absent */
    public static void require(MetaData metaData) {
        requireKey(metaData, Causation.ACTOR_ID);
        requireKey(metaData, Causation.CAUSE_TYPE);
    }

    private static void requireKey(MetaData metaData, String key) {
        Object value = metaData.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new MissingCausationException(key);
        }
    }
}
