package com.nettoria.query.identity;

import org.axonframework.messaging.MetaData;

/** Reads the causation metadata ({@link com.nettoria.coreapi.common.Causation}) that events carry. */
final class CausationMetadata {

    private CausationMetadata() {
    }

    static String text(MetaData metaData, String key) {
        Object value = metaData == null ? null : metaData.get(key);
        return value == null ? null : value.toString();
    }
}
