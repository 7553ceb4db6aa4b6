package com.nettoria.coreapi.vm;

/**
 * What a {@link RebuildVmCommand} answers.
 *
 * @param rootPassword the generated root password (rebuilt without an SSH key), shown this once; {@code null} with a
 *                     key and for a repeated request
 */
public record VmRebuildAccepted(String operationId, String rootPassword) {
}
