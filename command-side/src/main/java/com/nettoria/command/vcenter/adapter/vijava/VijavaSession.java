package com.nettoria.command.vcenter.adapter.vijava;

import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.command.vcenter.adapter.VCenterProperties;
import com.vmware.vim25.AboutInfo;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.ServiceContent;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.TaskInfoState;
import com.vmware.vim25.VimPortType;
import com.vmware.vim25.mo.ServerConnection;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.Task;
import com.vmware.vim25.ws.WSClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One logged-in vijava {@link ServiceInstance}, shared by all callers (vijava sends each call on its own HTTP
 * connection, so concurrent calls are safe). It logs in on first use; when vCenter no longer knows the session
 * ({@code NotAuthenticated}: expired, or vCenter restarted) it logs in once more and repeats the call. Every HTTP
 * call has the connect and read timeouts; {@link #await} polls a task until the task timeout.
 *
 * <p>The connection is built by hand instead of with vijava's {@code ServiceInstance(URL, user, password, ...)}
 * constructors, which open the connection themselves: only so can vijava's base URL get a
 * {@link ConnectionTrust#urlHandler() handler} that brings this connection's own TLS trust, and the connection its
 * timeouts before the first call.
 */
final class VijavaSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VijavaSession.class);

    /** vijava's generated stubs speak vim25 5.1, whatever the server's newest version. */
    private static final String CLIENT_API = "5.1";

    private final VCenterProperties properties;
    private final String url;
    private final ConnectionTrust trust;
    private final Object loginLock = new Object();
    private volatile ServiceInstance current;

    VijavaSession(VCenterProperties properties, ConnectionTrust trust) {
        this.properties = properties;
        this.url = sdkUrl(properties.url());
        this.trust = trust;
    }

    /** A call to vCenter, given the logged-in service instance. */
    interface Call<T> {
        T run(ServiceInstance vcenter) throws Exception;
    }

    /**
     * Runs {@code call} with the shared session (logging in first if there is none), once more after a new login if
     * vCenter had forgotten the session, and turns what fails into a {@link VCenterException}.
     *
     * @param what what the call does, for messages: "power on VM web-1 in DC0"
     */
    <T> T call(String what, Call<T> call) {
        RecordingHttpsConnection.clearLastFailure();
        ServiceInstance vcenter = loggedIn(what, null);
        try {
            return call.run(vcenter);
        } catch (Exception e) {
            if (!Faults.isNotAuthenticated(e) && !sessionLost(vcenter, e)) {
                throw Faults.map(what, e);
            }
            log.info("vCenter {} no longer knows the session; logging in again", url);
        }
        RecordingHttpsConnection.clearLastFailure();
        ServiceInstance again = loggedIn(what, vcenter);
        try {
            return call.run(again);
        } catch (Exception e) {
            throw Faults.map(what, e);
        }
    }

    /**
     * Whether {@code failure} came from a session that vCenter has ended (expired, or vCenter restarted). Calls that
     * need a session fail with NotAuthenticated, but a property read does not: vCenter answers it with every
     * property "missing" (for NotAuthenticated), which vijava drops, so a search finds nothing or vijava trips over
     * the empty answer. After such a failure (not found, or a client-side error without a transport failure) the
     * session is looked at: a session whose current session reads as none is gone.
     */
    private boolean sessionLost(ServiceInstance vcenter, Exception failure) {
        boolean suspicious = failure instanceof VCenterException known
                ? known.kind() == VCenterException.Kind.NOT_FOUND
                : !Faults.isFault(failure) && RecordingHttpsConnection.lastFailure().isEmpty();
        if (!suspicious) {
            return false;
        }
        try {
            return vcenter.getSessionManager().getCurrentSession() == null;
        } catch (Exception e) {
            return Faults.isNotAuthenticated(e);
        }
    }

    /**
     * Waits for a vCenter task to end, looking every {@code task-poll-interval} (vijava's own {@code waitForTask}
     * sleeps a second or more between looks), and answers its info when it succeeded.
     *
     * @throws VCenterException TIMEOUT after {@code task-timeout}; the task's fault when it failed
     */
    TaskInfo await(Task task, String what) throws Exception {
        long deadline = System.nanoTime() + properties.taskTimeout().toNanos();
        while (true) {
            TaskInfo info = task.getTaskInfo();
            if (info == null) { // vCenter hides every property from a session it no longer knows
                VijavaVCenter.requireSession(task.getServerConnection().getServiceInstance());
                throw new VCenterException(VCenterException.Kind.UNAVAILABLE, what + ": vCenter does not show the task "
                        + task.getMOR().get_value());
            }
            TaskInfoState state = info.getState();
            if (state == TaskInfoState.success) {
                return info;
            }
            if (state == TaskInfoState.error) {
                LocalizedMethodFault error = info.getError();
                throw Faults.taskError(what, error);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new VCenterException(VCenterException.Kind.TIMEOUT, what + ": the vCenter task "
                        + task.getMOR().get_value() + " is still " + state + " after " + properties.taskTimeout()
                        + " (nettoria.vcenter.task-timeout)");
            }
            pause(Math.min(left, properties.taskPollInterval().toNanos()));
        }
    }

    /** Waits one poll interval (or less); an interrupt ends the wait as a timeout. */
    void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VCenterException(VCenterException.Kind.TIMEOUT, "interrupted while waiting for vCenter", e);
        }
    }

    Duration pollInterval() {
        return properties.taskPollInterval();
    }

    String url() {
        return url;
    }

    /** Logs out, if logged in; a failure to do so is only logged. */
    @Override
    public void close() {
        ServiceInstance vcenter;
        synchronized (loginLock) {
            vcenter = current;
            current = null;
        }
        if (vcenter != null) {
            try {
                vcenter.getSessionManager().logout();
            } catch (Exception e) {
                log.debug("Logging out of vCenter {} failed: {}", url, e.toString());
            }
        }
    }

    private ServiceInstance loggedIn(String what, ServiceInstance stale) {
        ServiceInstance vcenter = current;
        if (vcenter != null && vcenter != stale) {
            return vcenter;
        }
        synchronized (loginLock) {
            if (current != null && current != stale) {
                return current;
            }
            try {
                current = login();
                return current;
            } catch (Exception e) {
                current = null;
                throw Faults.map(what + " (login to " + url + ")", e);
            }
        }
    }

    private ServiceInstance login() throws Exception {
        URL base = new URL(null, url, trust.urlHandler());
        WSClient client = new WSClient(url, false); // false: vijava leaves the JVM's TLS defaults alone
        client.setBaseUrl(base);
        client.setConnectTimeout(millis(properties.connectTimeout()));
        client.setReadTimeout(millis(properties.readTimeout()));
        client.setVimNameSpace(ServiceInstance.VIM25_NAMESPACE);
        client.setSoapActionOnApiVersion(CLIENT_API); // the first call too asks for the version vijava understands
        VimPortType vim = new VimPortType(client);
        ManagedObjectReference self = new ManagedObjectReference();
        self.setType("ServiceInstance");
        self.set_value("ServiceInstance");
        ServiceContent content = vim.retrieveServiceContent(self);
        AboutInfo about = content.getAbout();
        client.setSoapActionOnApiVersion(about.getApiVersion()); // newer than 5.1: vijava asks for 5.1
        ServiceInstance vcenter = new SharedServiceInstance(base, vim);
        vcenter.getSessionManager().login(properties.username(), properties.password(), null);
        log.info("Logged in to {} ({}, API {}) at {} as {}", about.getFullName(), about.getInstanceUuid(),
                about.getApiVersion(), url, properties.username());
        return vcenter;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    /** {@code url} as the SDK endpoint: https only; a URL without a path gets {@code /sdk}. */
    static String sdkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nettoria.vcenter.url is not a URL: " + url, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("nettoria.vcenter.url must be an https URL such as "
                    + "https://vcenter.example.com/sdk, not " + url);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("nettoria.vcenter.url must not carry credentials: "
                    + "set nettoria.vcenter.username and password");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                ? "/sdk" : uri.getRawPath();
        try {
            return new URL("https", uri.getHost(), uri.getPort(), path).toExternalForm();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("nettoria.vcenter.url is not a URL: " + url, e);
        }
    }

    /**
     * vijava's service instance on a connection made here. Its only public constructor that takes a connection
     * needs the connection first, and the connection needs the instance: so it starts without one and sets it.
     */
    private static final class SharedServiceInstance extends ServiceInstance {
        SharedServiceInstance(URL url, VimPortType vim) {
            super((ServerConnection) null);
            setServerConnection(new ServerConnection(url, vim, this));
        }
    }
}
