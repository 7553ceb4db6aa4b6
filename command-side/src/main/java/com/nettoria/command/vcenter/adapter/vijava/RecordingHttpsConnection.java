package com.nettoria.command.vcenter.adapter.vijava;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Permission;
import java.security.Principal;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTPS connection of one vijava request, passed through to the JDK's own, which also remembers (per thread) the
 * I/O failure that ended the request. vijava turns every transport failure into a {@code RemoteException} that keeps
 * only the message, and a read timeout into no answer at all (it catches the exception of
 * {@code getInputStream()} and reads the error stream, which is then empty). {@link #lastFailure()} tells
 * {@link Faults} what really happened: a timeout, a refused connection or an untrusted certificate.
 * <p>
 * Only the calling thread reads what it recorded: vijava sends each request on the thread that called it.
 */
final class RecordingHttpsConnection extends HttpsURLConnection {

    private static final ThreadLocal<IOException> LAST_FAILURE = new ThreadLocal<>();

    private final HttpsURLConnection delegate;

    RecordingHttpsConnection(HttpsURLConnection delegate) {
        super(delegate.getURL());
        this.delegate = delegate;
    }

    /** Forgets the failure recorded by an earlier call on this thread. */
    static void clearLastFailure() {
        LAST_FAILURE.remove();
    }

    /** The I/O failure that ended the latest request sent on this thread, if it failed (a later answer clears it). */
    static Optional<IOException> lastFailure() {
        return Optional.ofNullable(LAST_FAILURE.get());
    }

    private <T extends IOException> T recorded(T failure) {
        LAST_FAILURE.set(failure);
        return failure;
    }

    @Override
    public void connect() throws IOException {
        try {
            delegate.connect();
        } catch (IOException e) {
            throw recorded(e);
        }
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        try {
            return delegate.getOutputStream();
        } catch (IOException e) {
            throw recorded(e);
        }
    }

    @Override
    public InputStream getInputStream() throws IOException {
        try {
            InputStream answer = delegate.getInputStream();
            LAST_FAILURE.remove();
            return answer;
        } catch (IOException e) {
            if (delegate.getErrorStream() != null) {
                LAST_FAILURE.remove(); // an HTTP error with a body (a SOAP fault at 500): vijava reads the fault
                throw e;
            }
            throw recorded(e);
        }
    }

    @Override
    public InputStream getErrorStream() {
        return delegate.getErrorStream();
    }

    @Override
    public int getResponseCode() throws IOException {
        try {
            return delegate.getResponseCode();
        } catch (IOException e) {
            throw recorded(e);
        }
    }

    @Override
    public String getResponseMessage() throws IOException {
        return delegate.getResponseMessage();
    }

    @Override
    public void disconnect() {
        delegate.disconnect();
    }

    @Override
    public boolean usingProxy() {
        return delegate.usingProxy();
    }

    @Override
    public String getCipherSuite() {
        return delegate.getCipherSuite();
    }

    @Override
    public Certificate[] getLocalCertificates() {
        return delegate.getLocalCertificates();
    }

    @Override
    public Certificate[] getServerCertificates() throws SSLPeerUnverifiedException {
        return delegate.getServerCertificates();
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        return delegate.getPeerPrincipal();
    }

    @Override
    public Principal getLocalPrincipal() {
        return delegate.getLocalPrincipal();
    }

    @Override
    public void setHostnameVerifier(HostnameVerifier verifier) {
        delegate.setHostnameVerifier(verifier);
    }

    @Override
    public HostnameVerifier getHostnameVerifier() {
        return delegate.getHostnameVerifier();
    }

    @Override
    public void setSSLSocketFactory(SSLSocketFactory factory) {
        delegate.setSSLSocketFactory(factory);
    }

    @Override
    public SSLSocketFactory getSSLSocketFactory() {
        return delegate.getSSLSocketFactory();
    }

    @Override
    public void setConnectTimeout(int timeout) {
        delegate.setConnectTimeout(timeout);
    }

    @Override
    public int getConnectTimeout() {
        return delegate.getConnectTimeout();
    }

    @Override
    public void setReadTimeout(int timeout) {
        delegate.setReadTimeout(timeout);
    }

    @Override
    public int getReadTimeout() {
        return delegate.getReadTimeout();
    }

    @Override
    public void setRequestMethod(String method) throws java.net.ProtocolException {
        delegate.setRequestMethod(method);
    }

    @Override
    public String getRequestMethod() {
        return delegate.getRequestMethod();
    }

    @Override
    public void setInstanceFollowRedirects(boolean followRedirects) {
        delegate.setInstanceFollowRedirects(followRedirects);
    }

    @Override
    public boolean getInstanceFollowRedirects() {
        return delegate.getInstanceFollowRedirects();
    }

    @Override
    public void setFixedLengthStreamingMode(int contentLength) {
        delegate.setFixedLengthStreamingMode(contentLength);
    }

    @Override
    public void setFixedLengthStreamingMode(long contentLength) {
        delegate.setFixedLengthStreamingMode(contentLength);
    }

    @Override
    public void setChunkedStreamingMode(int chunkLength) {
        delegate.setChunkedStreamingMode(chunkLength);
    }

    @Override
    public void setDoInput(boolean doInput) {
        delegate.setDoInput(doInput);
    }

    @Override
    public boolean getDoInput() {
        return delegate.getDoInput();
    }

    @Override
    public void setDoOutput(boolean doOutput) {
        delegate.setDoOutput(doOutput);
    }

    @Override
    public boolean getDoOutput() {
        return delegate.getDoOutput();
    }

    @Override
    public void setUseCaches(boolean useCaches) {
        delegate.setUseCaches(useCaches);
    }

    @Override
    public boolean getUseCaches() {
        return delegate.getUseCaches();
    }

    @Override
    public void setAllowUserInteraction(boolean allow) {
        delegate.setAllowUserInteraction(allow);
    }

    @Override
    public boolean getAllowUserInteraction() {
        return delegate.getAllowUserInteraction();
    }

    @Override
    public void setIfModifiedSince(long ifModifiedSince) {
        delegate.setIfModifiedSince(ifModifiedSince);
    }

    @Override
    public long getIfModifiedSince() {
        return delegate.getIfModifiedSince();
    }

    @Override
    public void setRequestProperty(String key, String value) {
        delegate.setRequestProperty(key, value);
    }

    @Override
    public void addRequestProperty(String key, String value) {
        delegate.addRequestProperty(key, value);
    }

    @Override
    public String getRequestProperty(String key) {
        return delegate.getRequestProperty(key);
    }

    @Override
    public Map<String, List<String>> getRequestProperties() {
        return delegate.getRequestProperties();
    }

    @Override
    public String getHeaderField(String name) {
        return delegate.getHeaderField(name);
    }

    @Override
    public String getHeaderField(int n) {
        return delegate.getHeaderField(n);
    }

    @Override
    public String getHeaderFieldKey(int n) {
        return delegate.getHeaderFieldKey(n);
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        return delegate.getHeaderFields();
    }

    @Override
    public String getContentType() {
        return delegate.getContentType();
    }

    @Override
    public String getContentEncoding() {
        return delegate.getContentEncoding();
    }

    @Override
    public int getContentLength() {
        return delegate.getContentLength();
    }

    @Override
    public long getContentLengthLong() {
        return delegate.getContentLengthLong();
    }

    @Override
    public Permission getPermission() throws IOException {
        return delegate.getPermission();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
