package com.nettoria.coreapi.vm;

/**
 * What a {@link ScaleVmCommand} came to: the operation that carries it out in vCenter and what was charged.
 *
 * @param replayed whether this answers a repeat of an earlier request (nothing was charged or asked again)
 */
public record VmScaleOutcome(String operationId, VmScaleQuote quote, boolean replayed) {
}
