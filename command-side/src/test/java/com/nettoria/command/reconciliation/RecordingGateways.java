package com.nettoria.command.reconciliation;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A command gateway and an event gateway that record the messages (with their metadata) sent and published. */
final class RecordingGateways {

    private final List<CommandMessage<?>> commands = new ArrayList<>();
    private final List<EventMessage<?>> events = new ArrayList<>();

    final CommandGateway commandGateway = new CommandGateway() {
        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            commands.add(GenericCommandMessage.asCommandMessage(command));
            callback.onResult(GenericCommandMessage.asCommandMessage(command),
                    GenericCommandResultMessage.asCommandResultMessage((Object) null));
        }

        @Override
        public <R> R sendAndWait(Object command) {
            commands.add(GenericCommandMessage.asCommandMessage(command));
            return null;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            return sendAndWait(command);
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            commands.add(GenericCommandMessage.asCommandMessage(command));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
            return () -> true;
        }
    };

    final EventGateway eventGateway = new EventGateway() {
        @Override
        public void publish(List<?> published) {
            published.forEach(event -> events.add(GenericEventMessage.asEventMessage(event)));
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super EventMessage<?>> dispatchInterceptor) {
            return () -> true;
        }
    };

    List<CommandMessage<?>> commandMessages() {
        return List.copyOf(commands);
    }

    List<Object> commands() {
        return commands.stream().<Object>map(CommandMessage::getPayload).toList();
    }

    List<EventMessage<?>> eventMessages() {
        return List.copyOf(events);
    }

    List<Object> events() {
        return events.stream().<Object>map(EventMessage::getPayload).toList();
    }
}
