package org.jamesguard.harness;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.apache.commons.net.smtp.SMTP;
import org.apache.commons.net.smtp.SMTPConnectionClosedException;
import org.apache.commons.net.smtp.SMTPSClient;
import org.apache.commons.net.util.TrustManagerUtils;

/**
 * A real SMTP client (Apache Commons Net) for end-to-end tests: connects from a chosen loopback source
 * address, speaks commands one by one and returns each full reply, can send raw bytes as message data,
 * and tells whether the server closed the connection.
 */
public final class SmtpClient implements Closeable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RawClient client = new RawClient();
    private final SmtpReply greeting;

    private SmtpClient(int port, String sourceIp, String proxyLine) {
        this("127.0.0.1", port, sourceIp, proxyLine);
    }

    private SmtpClient(String serverIp, int port, String sourceIp, String proxyLine) {
        client.proxyLine = proxyLine;
        client.setDefaultTimeout((int) TIMEOUT.toMillis());
        client.setTrustManager(TrustManagerUtils.getAcceptAllTrustManager());
        client.setConnectTimeout((int) TIMEOUT.toMillis());
        try {
            client.connect(InetAddress.getByName(serverIp), port, InetAddress.getByName(sourceIp), 0);
            client.setSoTimeout((int) TIMEOUT.toMillis());
            // the message and its final dot leave in two writes: with Nagle, the second waits for a delayed ACK
            client.setTcpNoDelay(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + serverIp + " port " + port + " from " + sourceIp, e);
        }
        greeting = lastReply();
    }

    /** Connects to {@code 127.0.0.1:port} from {@code sourceIp} (any 127.x.y.z). */
    public static SmtpClient connect(int port, String sourceIp) {
        return new SmtpClient(port, sourceIp, null);
    }

    /** Connects to {@code [::1]:port} from {@code sourceIp}: ::1 or an address the test added to {@code lo}. */
    public static SmtpClient connectIpv6(int port, String sourceIp) {
        return new SmtpClient("::1", port, sourceIp, null);
    }

    /**
     * Connects to a listener with {@code <proxyRequired>true</proxyRequired>} and announces, with a PROXY
     * protocol v1 header, that the client is {@code claimedIp}: how a test plays a host outside 127/8 while
     * every packet stays on loopback.
     */
    public static SmtpClient connectViaProxy(int port, String sourceIp, String claimedIp) {
        String family = claimedIp.contains(":") ? "TCP6" : "TCP4";
        String proxy = "PROXY " + family + " " + claimedIp + " " + (family.equals("TCP4") ? "127.0.0.1" : "::1")
            + " 40000 " + port + "\r\n";
        return new SmtpClient(port, sourceIp, proxy);
    }

    public SmtpReply greeting() {
        return greeting;
    }

    public SmtpReply command(String line) {
        try {
            client.sendCommand(line);
        } catch (SMTPConnectionClosedException e) {
            // Commons Net throws on 421 after reading it: the reply is the answer
            return lastReply();
        } catch (IOException e) {
            throw new UncheckedIOException("'" + line + "' failed", e);
        }
        return lastReply();
    }

    public SmtpReply ehlo(String name) {
        return command("EHLO " + name);
    }

    public SmtpReply helo(String name) {
        return command("HELO " + name);
    }

    public SmtpReply mailFrom(String address) {
        return command("MAIL FROM:<" + address + ">");
    }

    public SmtpReply rcptTo(String address) {
        return command("RCPT TO:<" + address + ">");
    }

    public SmtpReply quit() {
        return command("QUIT");
    }

    /** STARTTLS and the TLS handshake (any certificate accepted); the caller sends EHLO again. */
    public SmtpReply startTls() {
        try {
            boolean started = client.execTLS();
            SmtpReply reply = lastReply();
            if (!started && reply.isPositive()) {
                throw new IllegalStateException("TLS handshake failed after " + reply);
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException("STARTTLS failed", e);
        }
    }

    /** EHLO, STARTTLS when offered (and EHLO again), then AUTH PLAIN; returns the AUTH reply. */
    public SmtpReply login(String user, String password) {
        SmtpReply ehlo = ehlo("client.test");
        if (ehlo.lines().stream().anyMatch(line -> line.substring(4).trim().equalsIgnoreCase("STARTTLS"))) {
            startTls();
            ehlo("client.test");
        }
        return authPlain(user, password);
    }

    public SmtpReply authPlain(String user, String password) {
        return authPlain("", user, password);
    }

    /** AUTH PLAIN with an authorization identity, which may differ from the login. */
    public SmtpReply authPlain(String authorizationId, String user, String password) {
        String token = authorizationId + "\0" + user + "\0" + password;
        return command("AUTH PLAIN " + base64(token));
    }

    public SmtpReply authLogin(String user, String password) {
        SmtpReply reply = command("AUTH LOGIN");
        if (reply.code() != 334) {
            return reply;
        }
        reply = command(base64(user));
        return reply.code() == 334 ? command(base64(password)) : reply;
    }

    /** DATA, then the message (line ends made CRLF, dot-stuffed), then the final dot. */
    public SmtpReply data(String message) {
        String normalized = message.replace("\r\n", "\n").replace("\n", "\r\n");
        if (!normalized.endsWith("\r\n")) {
            normalized += "\r\n";
        }
        String stuffed = normalized.replace("\r\n.", "\r\n..");
        if (stuffed.startsWith(".")) {
            stuffed = "." + stuffed;
        }
        return dataRaw(stuffed.getBytes(StandardCharsets.UTF_8));
    }

    /** DATA, then exactly these bytes (bare CR or LF kept), then {@code CRLF.CRLF}. */
    public SmtpReply dataRaw(byte[] content) {
        SmtpReply reply = command("DATA");
        if (reply.code() != 354) {
            return reply;
        }
        try {
            byte[] end = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);
            boolean endsWithCrlf = content.length >= 2 && content[content.length - 2] == '\r' && content[content.length - 1] == '\n';
            client.raw(content);
            client.raw(endsWithCrlf ? Arrays.copyOfRange(end, 2, end.length) : end);
            client.getReply();
        } catch (SMTPConnectionClosedException e) {
            return lastReply();
        } catch (IOException e) {
            throw new UncheckedIOException("sending message data failed", e);
        }
        return lastReply();
    }

    /**
     * A whole transaction: MAIL, RCPT for each recipient, DATA. Returns the first refusal, or the
     * reply to the end of data.
     */
    public SmtpReply send(String from, List<String> recipients, String message) {
        SmtpReply reply = mailFrom(from);
        if (!reply.isPositive()) {
            return reply;
        }
        for (String recipient : recipients) {
            reply = rcptTo(recipient);
            if (!reply.isPositive()) {
                return reply;
            }
        }
        return data(message);
    }

    public SmtpReply send(String from, String recipient, String message) {
        return send(from, List.of(recipient), message);
    }

    /** True when the server closes the connection within the timeout, with nothing more to read. */
    public boolean awaitClosed() {
        try {
            client.setSoTimeout((int) TIMEOUT.toMillis());
            return client.readRemaining() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Everything the server sends until it closes the connection. */
    public String readUntilClosed() {
        StringBuilder out = new StringBuilder();
        try {
            int c;
            while ((c = client.readRemaining()) >= 0) {
                out.append((char) c);
            }
        } catch (IOException e) {
            // closed or reset: what was read is the answer
        }
        return out.toString();
    }

    private SmtpReply lastReply() {
        return new SmtpReply(client.getReplyCode(), Arrays.asList(client.getReplyStrings()));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (IOException e) {
            // closing a connection the server may already have closed
        }
    }

    /** Exposes the raw streams Commons Net keeps to itself. */
    private static final class RawClient extends SMTPSClient {
        private String proxyLine;

        RawClient() {
            super(false);
        }

        /** The PROXY header goes out before the greeting is read. */
        @Override
        protected void _connectAction_() throws IOException {
            if (proxyLine != null) {
                _socket_.getOutputStream().write(proxyLine.getBytes(StandardCharsets.US_ASCII));
                _socket_.getOutputStream().flush();
            }
            super._connectAction_();
        }

        /** Commands are flushed as they are sent, so raw bytes can go straight to the socket. */
        void raw(byte[] bytes) throws IOException {
            _output_.write(bytes);
            _output_.flush();
        }

        /** Reads through Commons Net's own line reader, which may hold bytes already received. */
        int readRemaining() throws IOException {
            try {
                Field field = SMTP.class.getDeclaredField("reader");
                field.setAccessible(true);
                return ((BufferedReader) field.get(this)).read();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
