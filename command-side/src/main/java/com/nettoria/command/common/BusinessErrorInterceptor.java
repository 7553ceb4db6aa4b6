package com.nettoria.command.common;

import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.InvalidMoneyException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Turns every refusal a command handler can make into a {@link CommandExecutionException} whose details
 * are a {@link BusinessError}: the one shape refusals take across the command bus, locally and through
 * Axon Server alike. Registered on the command bus by Axon's interceptor auto-configuration.
 */
@Component
public class BusinessErrorInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (BusinessRuleViolation e) {
            throw refusal(e.error());
        } catch (InvalidMoneyException e) {
            throw refusal(new BusinessError(ErrorCodes.INVALID_MONEY, e.getMessage(),
                    e.reason() == InvalidMoneyException.Reason.UNKNOWN_CURRENCY ? "currency" : "amount",
                    Map.of("reason", e.reason().name())));
        } catch (AggregateNotFoundException e) {
            throw refusal(new BusinessError(ErrorCodes.NOT_FOUND,
                    "nothing exists with id " + e.getAggregateIdentifier(),
                    null, Map.of("id", String.valueOf(e.getAggregateIdentifier()))));
        }
    }

    private static CommandExecutionException refusal(BusinessError error) {
        return new CommandExecutionException(error.message(), null, error);
    }
}
