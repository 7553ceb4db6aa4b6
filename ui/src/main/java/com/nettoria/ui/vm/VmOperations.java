package com.nettoria.ui.vm;

import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmOperationKind;
import com.nettoria.coreapi.vm.VmOperationStatus;
import com.nettoria.coreapi.vm.VmOperationView;
import com.nettoria.ui.vm.VmApi.AcceptedOperation;
import com.nettoria.ui.vm.VmApi.OperationResponse;
import com.nettoria.ui.web.ApiProblem;
import com.nettoria.ui.web.IdempotencyKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Asks for an operation on a VM (a power action, its deletion, a rebuild, ...) and answers 202 Accepted with the operation's
 * {@code Location}: vCenter carries it out later, and the operation's status says how it ended. The operation id
 * is derived from the caller and the optional Idempotency-Key, so a repeated request names the same operation and
 * is answered without asking again; without a key every request is a new operation.
 */
@Component
class VmOperations {

    static final String REPLAYED = "Idempotent-Replayed";

    private final CommandGateway commands;
    private final VmReadModel vms;

    VmOperations(CommandGateway commands, VmReadModel vms) {
        this.commands = commands;
        this.vms = vms;
    }

    /** The operation a request names: derived from the actor, the VM and the key, or new when there is no key. */
    static String operationId(String actorId, VmId vmId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        String key = IdempotencyKeys.require(idempotencyKey);
        String name = "vm-operation:" + actorId + ":" + vmId.value() + ":" + key;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Sends the command {@code commandFor} makes with the operation id, unless the operation exists already: the
     * same kind is a replay (answered as it is now), another kind an Idempotency-Key reused for something else.
     *
     * @param locationPrefix the path of the VM's operations, e.g. {@code /api/vcenter/vms/{id}/operations/}
     */
    ResponseEntity<?> request(VmId vmId, VmOperationKind kind, String operationId, MetaData metaData,
                              Function<String, Object> commandFor, String locationPrefix, boolean withRequester) {
        return request(vmId, kind, operationId, metaData, commandFor, locationPrefix, withRequester,
                (operation, answered) -> operation);
    }

    /**
     * Like {@link #request(VmId, VmOperationKind, String, MetaData, Function, String, boolean)}, with the body made
     * by {@code body} from the operation and what the command answered ({@code null} for a replay, which sends
     * nothing): e.g. a rebuild's root password, which only its first answer shows.
     */
    ResponseEntity<?> request(VmId vmId, VmOperationKind kind, String operationId, MetaData metaData,
                              Function<String, Object> commandFor, String locationPrefix, boolean withRequester,
                              BiFunction<Object, Object, Object> body) {
        URI location = URI.create(locationPrefix + operationId);
        Optional<VmOperationView> earlier = vms.operation(vmId, operationId);
        if (earlier.isPresent()) {
            if (earlier.get().kind() != kind) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCodes.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency key reused for a different request", "this Idempotency-Key already asked for "
                        + earlier.get().kind() + " on this VM", IdempotencyKeys.HEADER, Map.of());
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).header(REPLAYED, "true")
                    .body(body.apply(OperationResponse.of(earlier.get(), withRequester), null));
        }
        Object answered = commands.sendAndWait(GenericCommandMessage.asCommandMessage(commandFor.apply(operationId))
                .withMetaData(metaData));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).header(REPLAYED, "false")
                .body(body.apply(vms.awaitOperation(vmId, operationId)
                        .<Object>map(operation -> OperationResponse.of(operation, withRequester))
                        .orElseGet(() -> new AcceptedOperation(operationId, vmId.value(), kind.name(),
                                VmOperationStatus.REQUESTED.name())), answered));
    }
}
