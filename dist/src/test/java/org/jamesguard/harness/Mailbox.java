package org.jamesguard.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

/**
 * A user's INBOX read over real IMAP or POP3 (JavaMail), to check what James delivered.
 * Messages are copied out, so they stay readable after the connection is closed.
 */
public final class Mailbox {
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    /** One connection's budget: a stuck read is abandoned and the next poll tries again. */
    private static final String CONNECTION_TIMEOUT_MILLIS = "5000";

    private final String protocol;
    private final int port;
    private final String user;
    private final String password;
    private final String sourceIp;

    public static Mailbox imap(int port, String user, String password) {
        return new Mailbox("imap", port, user, password);
    }

    public static Mailbox pop3(int port, String user, String password) {
        return new Mailbox("pop3", port, user, password);
    }

    private Mailbox(String protocol, int port, String user, String password) {
        this(protocol, port, user, password, "127.0.0.1");
    }

    private Mailbox(String protocol, int port, String user, String password, String sourceIp) {
        this.protocol = protocol;
        this.port = port;
        this.user = user;
        this.password = password;
        this.sourceIp = sourceIp;
    }

    /** The same mailbox, reached from another loopback address (to play another client host). */
    public Mailbox from(String newSourceIp) {
        return new Mailbox(protocol, port, user, password, newSourceIp);
    }

    /** Logs in and reads every message of the INBOX. Login failures propagate as MessagingException. */
    public List<MimeMessage> read() throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", CONNECTION_TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".timeout", CONNECTION_TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".localaddress", sourceIp);
        Session session = Session.getInstance(properties);
        Store store = session.getStore(protocol);
        store.connect("127.0.0.1", port, user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<MimeMessage> copies = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    message.writeTo(raw);
                    copies.add(new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray())));
                }
                return copies;
            } finally {
                inbox.close(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.close();
        }
    }

    /** Waits until the INBOX holds at least {@code count} messages, and returns them all. */
    public List<MimeMessage> awaitMessages(int count) {
        List<List<MimeMessage>> found = new ArrayList<>(1);
        Awaitility.await("INBOX of " + user + " holds " + count + " message(s)")
            .atMost(DELIVERY_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .ignoreExceptionsMatching(Mailbox::isTransient)
            .until(() -> {
                List<MimeMessage> messages = read();
                found.clear();
                found.add(messages);
                return messages.size() >= count;
            });
        return found.get(0);
    }

    /** The message whose Subject is given, once delivered. */
    public MimeMessage awaitSubject(String subject) {
        List<MimeMessage> found = new ArrayList<>(1);
        Awaitility.await("INBOX of " + user + " holds '" + subject + "'")
            .atMost(DELIVERY_TIMEOUT)
            .pollInterval(Duration.ofMillis(200))
            .ignoreExceptionsMatching(Mailbox::isTransient)
            .until(() -> {
                for (MimeMessage message : read()) {
                    if (subject.equals(message.getSubject())) {
                        found.add(message);
                        return true;
                    }
                }
                return false;
            });
        return found.get(0);
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof MessagingException || e instanceof UncheckedIOException;
    }

    /** Subjects of the messages in the INBOX now. */
    public List<String> subjects() throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : read()) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }
}
