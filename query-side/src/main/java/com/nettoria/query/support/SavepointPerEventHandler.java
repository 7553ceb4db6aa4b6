package com.nettoria.query.support;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every projection event handler of the query side inside a savepoint. On PostgreSQL a failed statement
 * poisons the whole transaction; without a savepoint the dead-letter queue could not record the failing event
 * in the same transaction, and the segment would retry it forever, stalling every read model row behind it.
 * With it, only the handler's own writes roll back and the event is parked in {@code DeadLetterEntry}.
 */
@Component
public class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private static final String QUERY_SIDE = "com.nettoria.query";

    private final ObjectProvider<PlatformTransactionManager> transactionManager;

    public SavepointPerEventHandler(ObjectProvider<PlatformTransactionManager> transactionManager) {
        this.transactionManager = transactionManager;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean projectionHandler = original.canHandleMessageType(EventMessage.class)
                && original.annotationAttributes(EventHandler.class).isPresent()
                && original.declaringClass().getName().startsWith(QUERY_SIDE);
        return projectionHandler ? new SavepointHandler<>(original) : original;
    }

    private final class SavepointHandler<T> extends WrappedMessageHandlingMember<T> {

        private SavepointHandler(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            PlatformTransactionManager manager = transactionManager.getIfAvailable();
            if (manager == null) {
                return super.handle(message, target);
            }
            TransactionTemplate savepoint = new TransactionTemplate(manager);
            savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
            try {
                return savepoint.execute(status -> {
                    try {
                        return super.handle(message, target);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CheckedHandlerFailure(e);
                    }
                });
            } catch (CheckedHandlerFailure failure) {
                throw failure.checked;
            }
        }
    }

    private static final class CheckedHandlerFailure extends RuntimeException {
        private final Exception checked;

        private CheckedHandlerFailure(Exception checked) {
            super(checked);
            this.checked = checked;
        }
    }
}
