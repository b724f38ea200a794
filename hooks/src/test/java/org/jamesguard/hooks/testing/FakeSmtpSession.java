package org.jamesguard.hooks.testing;

import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLSession;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProxyInformation;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPConfiguration;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jamesguard.core.net.IpAddresses;

/**
 * The one {@link SMTPSession} of the hooks tests: real attachment maps for Connection and Transaction state
 * ({@link #resetState()} clears Transaction, as James does after each message), a stack of line handlers
 * fed with {@link #feedLine}, and a {@link Configuration} the test can change. Set up fluently:
 * <pre>{@code
 * FakeSmtpSession session = new FakeSmtpSession().remoteIp("10.1.2.3").helo("client.example")
 *     .mailFrom("john@example.com").rcptTo("bob@example.org");
 * }</pre>
 * By default the client is {@value #DEFAULT_REMOTE_IP}, the listener 192.0.2.1:25, nobody is authenticated,
 * STARTTLS is neither supported nor started, and AUTH (with PLAIN/LOGIN) is announced to everyone.
 */
public final class FakeSmtpSession implements SMTPSession {
    public static final String DEFAULT_REMOTE_IP = "198.51.100.7";

    private final Map<AttachmentKey<?>, Object> connectionState = new HashMap<>();
    private final Map<AttachmentKey<?>, Object> transactionState = new HashMap<>();
    private final Deque<LineHandler<?>> lineHandlers = new ArrayDeque<>();
    private final Configuration configuration = new Configuration();
    private InetSocketAddress remoteAddress = address(DEFAULT_REMOTE_IP, 50_000);
    private InetSocketAddress localAddress = address("192.0.2.1", 25);
    private String sessionId = "fake-session";
    private Username username;
    private ProxyInformation proxyInformation;
    private boolean relayingAllowed;
    private boolean startTlsSupported;
    private boolean tlsStarted;
    private boolean commandInjectionDetection = true;
    private long currentMessageSize;
    private boolean headerComplete;
    private boolean messageFailed;

    private static InetSocketAddress address(String ip, int port) {
        return new InetSocketAddress(IpAddresses.parse(ip), port);
    }

    // ----- set-up

    public FakeSmtpSession remoteIp(String ip) {
        this.remoteAddress = address(ip, remoteAddress.getPort());
        return this;
    }

    public FakeSmtpSession localPort(int port) {
        this.localAddress = address(IpAddresses.format(localAddress.getAddress()), port);
        return this;
    }

    public FakeSmtpSession sessionId(String id) {
        this.sessionId = Objects.requireNonNull(id, "id");
        return this;
    }

    /** The session logged in as {@code user}, as James's AUTH would leave it. */
    public FakeSmtpSession authenticatedAs(String user) {
        setUsername(Username.of(user));
        return this;
    }

    public FakeSmtpSession startTlsSupported(boolean supported) {
        this.startTlsSupported = supported;
        return this;
    }

    public FakeSmtpSession tlsStarted(boolean started) {
        this.tlsStarted = started;
        return this;
    }

    /** AUTH announced to this client whether or not TLS is started; see {@link Configuration#announceAuth} for finer control. */
    public FakeSmtpSession authAnnounced(boolean announced) {
        configuration.announceAuth(announced, announced);
        return this;
    }

    /** EHLO {@code name} was accepted (Connection state). */
    public FakeSmtpSession helo(String name) {
        setAttachment(CURRENT_HELO_MODE, "EHLO", State.Connection);
        setAttachment(CURRENT_HELO_NAME, name, State.Connection);
        return this;
    }

    /** MAIL FROM was accepted (Transaction state). */
    public FakeSmtpSession mailFrom(String address) {
        setAttachment(SENDER, MaybeSender.of(mailAddress(address)), State.Transaction);
        return this;
    }

    /** {@code MAIL FROM:<>} was accepted. */
    public FakeSmtpSession nullSender() {
        setAttachment(SENDER, MaybeSender.nullSender(), State.Transaction);
        return this;
    }

    /** RCPT TO was accepted for each address, after any accepted before. */
    public FakeSmtpSession rcptTo(String... addresses) {
        List<MailAddress> recipients = new ArrayList<>(getAttachment(RCPT_LIST, State.Transaction).orElse(List.of()));
        for (String address : addresses) {
            recipients.add(mailAddress(address));
        }
        setAttachment(RCPT_LIST, recipients, State.Transaction);
        return this;
    }

    private static MailAddress mailAddress(String address) {
        try {
            return new MailAddress(address);
        } catch (javax.mail.internet.AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ----- line handlers

    /** Hands {@code line} (CRLF appended, as James passes it) to the line handler on top of the stack. */
    @SuppressWarnings("unchecked")
    public Response feedLine(String line) {
        LineHandler<SMTPSession> handler = (LineHandler<SMTPSession>) lineHandlers.peek();
        if (handler == null) {
            throw new IllegalStateException("no line handler is waiting for '" + line + "'");
        }
        return handler.onLine(this, (line + getLineDelimiter()).getBytes(StandardCharsets.US_ASCII));
    }

    /** How many line handlers are pushed: 0 when the session is back to reading commands. */
    public int lineHandlerCount() {
        return lineHandlers.size();
    }

    @Override
    public <T extends ProtocolSession> void pushLineHandler(LineHandler<T> handler) {
        lineHandlers.push(handler);
    }

    @Override
    public void popLineHandler() {
        if (lineHandlers.isEmpty()) {
            throw new IllegalStateException("no line handler to pop");
        }
        lineHandlers.pop();
    }

    // ----- attachments

    private Map<AttachmentKey<?>, Object> map(State state) {
        return state == State.Connection ? connectionState : transactionState;
    }

    @Override
    public <T> Optional<T> setAttachment(AttachmentKey<T> key, T value, State state) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return key.convert(map(state).put(key, value));
    }

    @Override
    public <T> Optional<T> removeAttachment(AttachmentKey<T> key, State state) {
        return key.convert(map(state).remove(Objects.requireNonNull(key, "key")));
    }

    @Override
    public <T> Optional<T> getAttachment(AttachmentKey<T> key, State state) {
        return key.convert(map(state).get(Objects.requireNonNull(key, "key")));
    }

    @Override
    @Deprecated
    public Map<AttachmentKey<?>, Object> getState() {
        return transactionState;
    }

    @Override
    @Deprecated
    public Map<AttachmentKey<?>, Object> getConnectionState() {
        return connectionState;
    }

    /** Ends the mail transaction: Transaction state is cleared, Connection state stays. */
    @Override
    public void resetState() {
        transactionState.clear();
        currentMessageSize = 0;
        headerComplete = false;
        messageFailed = false;
    }

    // ----- the rest of SMTPSession

    @Override
    public Configuration getConfiguration() {
        return configuration;
    }

    @Override
    public boolean isRelayingAllowed() {
        return relayingAllowed;
    }

    @Override
    public void setRelayingAllowed(boolean relayingAllowed) {
        this.relayingAllowed = relayingAllowed;
    }

    /** As James computes it: the configuration decides, for this client and TLS state. */
    @Override
    public boolean isAuthAnnounced() {
        return configuration.isAuthAnnounced(remoteAddress.getAddress().getHostAddress(), tlsStarted);
    }

    @Override
    public int getRcptCount() {
        return getAttachment(RCPT_LIST, State.Transaction).map(List::size).orElse(0);
    }

    @Override
    public boolean supportsOAuth() {
        return configuration.saslConfiguration().isPresent() && isAuthAnnounced();
    }

    @Override
    public long currentMessageSize() {
        return currentMessageSize;
    }

    @Override
    public void setCurrentMessageSize(long size) {
        this.currentMessageSize = size;
    }

    @Override
    public boolean headerComplete() {
        return headerComplete;
    }

    @Override
    public void setHeaderComplete(boolean value) {
        this.headerComplete = value;
    }

    @Override
    public boolean messageFailed() {
        return messageFailed;
    }

    @Override
    public void setMessageFailed(boolean value) {
        this.messageFailed = value;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return proxyInformation != null ? proxyInformation.getSource() : remoteAddress;
    }

    @Override
    public void setProxyInformation(ProxyInformation proxyInformation) {
        this.proxyInformation = proxyInformation;
    }

    @Override
    public Optional<ProxyInformation> getProxyInformation() {
        return Optional.ofNullable(proxyInformation);
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return localAddress;
    }

    @Override
    public String getSessionID() {
        return sessionId;
    }

    @Override
    public Response newLineTooLongResponse() {
        return new SMTPResponse("500", "Line length exceeded. See RFC 2821 #4.5.3.1.");
    }

    @Override
    public Response newFatalErrorResponse() {
        return new SMTPResponse("451", "Unable to process request");
    }

    @Override
    public Response newCommandNotFoundErrorResponse() {
        return new SMTPResponse("500", "Unable to process request: the command is unknown");
    }

    @Override
    public Username getUsername() {
        return username;
    }

    @Override
    public void setUsername(Username username) {
        this.username = username;
    }

    @Override
    public boolean isStartTLSSupported() {
        return startTlsSupported;
    }

    @Override
    public boolean isTLSStarted() {
        return tlsStarted;
    }

    @Override
    public Optional<SSLSession> getSSLSession() {
        return Optional.empty();
    }

    @Override
    public Charset getCharset() {
        return StandardCharsets.US_ASCII;
    }

    @Override
    public String getLineDelimiter() {
        return "\r\n";
    }

    @Override
    public boolean needsCommandInjectionDetection() {
        return commandInjectionDetection;
    }

    @Override
    public void startDetectingCommandInjection() {
        commandInjectionDetection = true;
    }

    @Override
    public void stopDetectingCommandInjection() {
        commandInjectionDetection = false;
    }

    /**
     * The listener's configuration. By default: hello name mx.example.com, relaying for nobody, AUTH announced
     * with and without TLS, PLAIN/LOGIN enabled, no OIDC (see {@link #oidc}).
     */
    public static final class Configuration implements SMTPConfiguration {
        private final Set<String> relayingIps = new HashSet<>();
        private boolean authAnnouncedWithoutTls = true;
        private boolean authAnnouncedWithTls = true;
        private boolean plainAuthEnabled = true;
        private OidcSASLConfiguration oidc;

        /** James's authorizedAddresses: these IPs may relay (and count as trusted). */
        public Configuration relayFor(String... ips) {
            for (String ip : ips) {
                relayingIps.add(IpAddresses.parse(ip).getHostAddress());
            }
            return this;
        }

        /** Whether AUTH is announced before and after STARTTLS (James's {@code <auth><announce>}). */
        public Configuration announceAuth(boolean withoutTls, boolean withTls) {
            this.authAnnouncedWithoutTls = withoutTls;
            this.authAnnouncedWithTls = withTls;
            return this;
        }

        /** James's {@code <auth><plainAuthEnabled>}: PLAIN and LOGIN offered at all. */
        public Configuration plainAuthEnabled(boolean enabled) {
            this.plainAuthEnabled = enabled;
            return this;
        }

        /** James's {@code <auth><oidc>}: OAUTHBEARER and XOAUTH2 offered, tokens checked against this provider. */
        public Configuration oidc(OidcSASLConfiguration configuration) {
            this.oidc = configuration;
            return this;
        }

        @Override
        public long getMaxMessageSize() {
            return 0;
        }

        @Override
        public boolean isRelayingAllowed(String remoteIp) {
            return relayingIps.contains(remoteIp);
        }

        @Override
        public boolean isAuthAnnounced(String remoteIp, boolean tlsStarted) {
            return tlsStarted ? authAnnouncedWithTls : authAnnouncedWithoutTls;
        }

        @Override
        public boolean useHeloEhloEnforcement() {
            return true;
        }

        @Override
        public boolean useAddressBracketsEnforcement() {
            return true;
        }

        @Override
        public boolean isPlainAuthEnabled() {
            return plainAuthEnabled;
        }

        @Override
        public Optional<OidcSASLConfiguration> saslConfiguration() {
            return Optional.ofNullable(oidc);
        }

        @Override
        public String getGreeting() {
            return null;
        }

        @Override
        public String getSoftwareName() {
            return "JAMES SMTP Server";
        }

        @Override
        public String getHelloName() {
            return "mx.example.com";
        }
    }
}
