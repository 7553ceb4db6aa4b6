package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Needs the current password; every other session of the account ends. */
public record ChangePasswordCommand(@TargetAggregateIdentifier UserId userId, Secret currentPassword,
                                    Secret newPassword, SessionId currentSession) {
}
