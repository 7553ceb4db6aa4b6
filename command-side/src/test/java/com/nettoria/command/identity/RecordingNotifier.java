package com.nettoria.command.identity;

import com.nettoria.command.notification.Notification;
import com.nettoria.command.notification.NotificationFailedException;
import com.nettoria.command.notification.Notifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what would have been sent, and in which phase of the unit of work it was handed over (a code must only
 * leave once the events that record it are committed). Can be told that the carrier is down.
 */
final class RecordingNotifier implements Notifier {

    private final List<Notification> sent = new ArrayList<>();
    private final List<UnitOfWork.Phase> phases = new ArrayList<>();
    private boolean carrierDown;

    @Override
    public void send(Notification notification) {
        phases.add(CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().phase() : null);
        if (carrierDown) {
            throw new NotificationFailedException("carrier down", null);
        }
        sent.add(notification);
    }

    void carrierIsDown() {
        carrierDown = true;
    }

    List<Notification> sent() {
        return List.copyOf(sent);
    }

    /** The unit-of-work phase at each hand-over, attempts to a carrier that is down included. */
    List<UnitOfWork.Phase> phasesAtHandOver() {
        return List.copyOf(phases);
    }
}
