package com.nettoria.command.vm;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A command gateway that records what is sent, in order, and answers every command with {@code null}. */
final class RecordingCommandGateway implements CommandGateway {

    private final List<Object> sent = new ArrayList<>();

    /** The command payloads sent so far, in order. */
    List<Object> sent() {
        return List.copyOf(sent);
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        sent.add(command);
        callback.onResult(GenericCommandMessage.asCommandMessage(command),
                GenericCommandResultMessage.asCommandResultMessage((Object) null));
    }

    @Override
    public <R> R sendAndWait(Object command) {
        sent.add(command);
        return null;
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return sendAndWait(command);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        sent.add(command);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return () -> true;
    }
}
