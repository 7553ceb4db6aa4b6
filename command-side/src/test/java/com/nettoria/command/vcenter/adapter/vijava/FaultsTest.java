package com.nettoria.command.vcenter.adapter.vijava;

import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.command.vcenter.VCenterException.Kind;
import com.vmware.vim25.FileNotFound;
import com.vmware.vim25.HostCommunication;
import com.vmware.vim25.InsufficientResourcesFault;
import com.vmware.vim25.InsufficientStorageSpace;
import com.vmware.vim25.InvalidLogin;
import com.vmware.vim25.InvalidPowerState;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectNotFound;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.NoDiskSpace;
import com.vmware.vim25.NoPermission;
import com.vmware.vim25.NotAuthenticated;
import com.vmware.vim25.NotFound;
import com.vmware.vim25.TaskInProgress;
import com.vmware.vim25.ws.SoapFaultException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.rmi.RemoteException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How vijava's faults and failures become the port's {@link VCenterException} kinds. */
class FaultsTest {

    private static final String WHAT = "power on VM web-1 in DC0";

    @Test
    void refusedCredentialsAndMissingPrivilegesAreAuthenticationFailures() {
        assertThat(map(new InvalidLogin())).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(e).hasMessageStartingWith(WHAT + ": ").hasMessageContaining("nettoria.vcenter.username");
        });
        assertThat(map(new NotAuthenticated()).kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(map(new NoPermission()).kind()).isEqualTo(Kind.AUTHENTICATION);
    }

    @Test
    void missingObjectsAreNotFoundAndNameTheObject() {
        ManagedObjectNotFound gone = new ManagedObjectNotFound();
        ManagedObjectReference vm = new ManagedObjectReference();
        vm.setType("VirtualMachine");
        vm.set_value("vm-42");
        gone.setObj(vm);

        assertThat(map(gone)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
            assertThat(e).hasMessageContaining("VirtualMachine:vm-42");
        });
        assertThat(map(new NotFound()).kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(map(new FileNotFound()).kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void lackOfResourcesOrDiskSpaceIsInsufficientCapacity() {
        assertThat(map(new InsufficientResourcesFault()).kind()).isEqualTo(Kind.INSUFFICIENT_CAPACITY);
        assertThat(map(new InsufficientStorageSpace()).kind()).isEqualTo(Kind.INSUFFICIENT_CAPACITY);
        assertThat(map(new NoDiskSpace()).kind()).isEqualTo(Kind.INSUFFICIENT_CAPACITY);
    }

    @Test
    void anUnreachableHostOrABusyObjectIsWorthARetry() {
        assertThat(map(new HostCommunication()).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(map(new TaskInProgress()).retryable()).isTrue();
    }

    @Test
    void otherFaultsAndFaultsVijavaDoesNotKnowAreRejections() {
        assertThat(map(new InvalidPowerState()).kind()).isEqualTo(Kind.REJECTED);
        SoapFaultException unknown = new SoapFaultException();
        unknown.setFaultCode("ServerFaultCode");
        unknown.setFaultString("A specified parameter was not correct");
        assertThat(map(unknown)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e).hasMessageContaining("A specified parameter was not correct");
        });
    }

    @Test
    void faultsWrappedByVijavasPropertyGettersAreRecognised() {
        assertThat(map(new RuntimeException(new InvalidLogin())).kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(Faults.isNotAuthenticated(new RuntimeException(new NotAuthenticated()))).isTrue();
        assertThat(Faults.isNotAuthenticated(new InvalidLogin())).isFalse();
    }

    @Test
    void aTransportFailureIsReadFromWhatTheConnectionRecordedBecauseVijavaDropsTheCause() {
        RemoteException vijava = new RemoteException("VI SDK invoke exception:java.lang.NullPointerException");

        assertThat(Faults.map(WHAT, vijava, Optional.of(new SocketTimeoutException("Read timed out")))).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e).hasMessageContaining("read-timeout");
        });
        assertThat(Faults.map(WHAT, vijava, Optional.of(new ConnectException("Connection refused")))).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e).hasMessageContaining("Connection refused");
        });
        assertThat(Faults.map(WHAT, vijava, Optional.of(new SSLHandshakeException("PKIX path building failed"))))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e).hasMessageContaining("TLS").hasMessageContaining("nettoria.vcenter.trust-store");
                });
        assertThat(Faults.map(WHAT, vijava, Optional.empty()).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(Faults.map(WHAT, new IOException("Broken pipe"), Optional.empty()).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aFaultAnsweredByVCenterWinsOverAnHttpErrorTheConnectionSaw() {
        assertThat(Faults.map(WHAT, new InvalidPowerState(), Optional.of(new IOException("HTTP 500"))).kind())
                .isEqualTo(Kind.REJECTED);
    }

    @Test
    void aVCenterExceptionPassesThroughUnchanged() {
        VCenterException timeout = new VCenterException(Kind.TIMEOUT, "task still running");

        assertThat(Faults.map(WHAT, timeout, Optional.empty())).isSameAs(timeout);
    }

    @Test
    void aFailedTaskIsMappedByItsFaultWithItsMessage() {
        LocalizedMethodFault full = new LocalizedMethodFault();
        full.setFault(new NoDiskSpace());
        full.setLocalizedMessage("There is not enough space on the file system");
        LocalizedMethodFault vague = new LocalizedMethodFault();
        vague.setLocalizedMessage("something failed");

        assertThat(Faults.taskError(WHAT, full)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.INSUFFICIENT_CAPACITY);
            assertThat(e).hasMessageContaining("not enough space");
        });
        assertThat(Faults.taskError(WHAT, vague)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e).hasMessageContaining("something failed");
        });
        assertThat(Faults.taskError(WHAT, null).kind()).isEqualTo(Kind.REJECTED);
    }

    private static VCenterException map(Throwable failure) {
        return Faults.map(WHAT, failure, Optional.empty());
    }
}
