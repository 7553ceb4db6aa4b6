package com.nettoria.command.vcenter.adapter.vijava;

import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.command.vcenter.VCenterException.Kind;
import com.vmware.vim25.FileNotFound;
import com.vmware.vim25.HostCommunication;
import com.vmware.vim25.InsufficientResourcesFault;
import com.vmware.vim25.InvalidLogin;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectNotFound;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.NoDiskSpace;
import com.vmware.vim25.NoPermission;
import com.vmware.vim25.NotAuthenticated;
import com.vmware.vim25.NotFound;
import com.vmware.vim25.TaskInProgress;
import com.vmware.vim25.ws.SoapFaultException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.rmi.RemoteException;
import java.util.Optional;

/**
 * Turns what vijava throws, and the faults of vCenter tasks, into a {@link VCenterException} of the right
 * {@link Kind}. vijava reports a vCenter fault as a subclass of {@link MethodFault}, an unknown fault as a
 * {@link SoapFaultException}, and a transport failure as a plain {@link RemoteException} that has lost its cause
 * (that one is recovered from {@link RecordingHttpsConnection#lastFailure()}). Its property getters wrap all of
 * these in a {@code RuntimeException}.
 */
final class Faults {

    private Faults() {
    }

    /** What {@code failure} means for the call described by {@code what} (e.g. "power on VM web-1 in DC0"). */
    static VCenterException map(String what, Throwable failure) {
        return map(what, failure, RecordingHttpsConnection.lastFailure());
    }

    static VCenterException map(String what, Throwable failure, Optional<IOException> transportFailure) {
        if (failure instanceof VCenterException known) {
            return known;
        }
        Throwable cause = unwrap(failure);
        if (cause instanceof MethodFault fault) {
            return fromFault(what, fault, null);
        }
        if (cause instanceof SoapFaultException soap) {
            return new VCenterException(Kind.REJECTED, what + ": vCenter answered with fault " + soap.getFaultCode()
                    + (soap.getFaultString() == null ? "" : " (" + soap.getFaultString() + ")"), failure);
        }
        Optional<IOException> transport = cause instanceof IOException io && !(cause instanceof RemoteException)
                ? Optional.of(io) : transportFailure;
        if (transport.isPresent()) {
            return fromTransport(what, transport.get(), failure);
        }
        if (cause instanceof RemoteException) {
            return new VCenterException(Kind.UNAVAILABLE, what + ": vCenter did not answer: " + cause.getMessage(), failure);
        }
        return new VCenterException(Kind.REJECTED, what + ": " + cause, failure);
    }

    /** The error of a vCenter task that ended in {@code error}. */
    static VCenterException taskError(String what, LocalizedMethodFault error) {
        if (error == null) {
            return new VCenterException(Kind.REJECTED, what + ": the vCenter task failed without saying why");
        }
        MethodFault fault = error.getFault();
        if (fault == null) {
            return new VCenterException(Kind.REJECTED, what + ": the vCenter task failed: " + error.getLocalizedMessage());
        }
        return fromFault(what, fault, error.getLocalizedMessage());
    }

    /** Whether vCenter answered with a fault (as opposed to not answering, or vijava failing to read the answer). */
    static boolean isFault(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof MethodFault || cause instanceof SoapFaultException;
    }

    /** Whether the session was lost (expired or logged out by vCenter): logging in again and repeating can help. */
    static boolean isNotAuthenticated(Throwable failure) {
        return unwrap(failure) instanceof NotAuthenticated;
    }

    private static VCenterException fromFault(String what, MethodFault fault, String localizedMessage) {
        String description = describe(fault, localizedMessage);
        Kind kind;
        if (fault instanceof InvalidLogin) {
            kind = Kind.AUTHENTICATION;
            description = "vCenter refused the user name or password (nettoria.vcenter.username, password)";
        } else if (fault instanceof NotAuthenticated) {
            kind = Kind.AUTHENTICATION;
            description = "vCenter does not accept the session even after a new login: " + description;
        } else if (fault instanceof NoPermission) {
            kind = Kind.AUTHENTICATION;
            description = "the vCenter user lacks a privilege: " + description;
        } else if (fault instanceof ManagedObjectNotFound || fault instanceof NotFound || fault instanceof FileNotFound) {
            kind = Kind.NOT_FOUND;
        } else if (fault instanceof InsufficientResourcesFault || fault instanceof NoDiskSpace) {
            kind = Kind.INSUFFICIENT_CAPACITY;
        } else if (fault instanceof HostCommunication || fault instanceof TaskInProgress) {
            kind = Kind.UNAVAILABLE;
        } else {
            kind = Kind.REJECTED;
        }
        return new VCenterException(kind, what + ": " + description, fault);
    }

    private static VCenterException fromTransport(String what, IOException transport, Throwable failure) {
        if (transport instanceof SocketTimeoutException) {
            return new VCenterException(Kind.TIMEOUT, what + ": vCenter did not answer in time (" + transport.getMessage()
                    + "; nettoria.vcenter.connect-timeout, read-timeout)", failure);
        }
        if (transport instanceof SSLException) {
            return new VCenterException(Kind.UNAVAILABLE, what + ": TLS with vCenter failed: " + transport.getMessage()
                    + " (is its certificate in nettoria.vcenter.trust-store?)", failure);
        }
        return new VCenterException(Kind.UNAVAILABLE, what + ": vCenter could not be reached: " + transport, failure);
    }

    private static String describe(MethodFault fault, String localizedMessage) {
        StringBuilder text = new StringBuilder(fault.getClass().getSimpleName());
        if (fault instanceof ManagedObjectNotFound missing && missing.getObj() != null) {
            text.append(' ').append(missing.getObj().getType()).append(':').append(missing.getObj().get_value());
        }
        String message = localizedMessage != null && !localizedMessage.isBlank() ? localizedMessage : fault.getMessage();
        if (message != null && !message.isBlank() && !message.contains(fault.getClass().getSimpleName())) {
            text.append(" (").append(message).append(')');
        }
        return text.toString();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof MethodFault) && !(current instanceof SoapFaultException)
                && (current instanceof RuntimeException || current.getClass() == RemoteException.class)) {
            current = current.getCause();
        }
        return current;
    }
}
