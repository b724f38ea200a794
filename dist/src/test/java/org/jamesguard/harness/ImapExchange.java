package org.jamesguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.apache.commons.net.imap.IMAPClient;

/** One IMAP connection for one exchange, when a test needs the server's tagged reply rather than a mailbox. */
public final class ImapExchange {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the test sends once connected; the reply that counts is the one to its last command. */
    public interface Dialogue {
        void run(IMAPClient client) throws IOException;
    }

    private ImapExchange() {
    }

    /** The tagged reply, without its tag, to the last command of {@code dialogue}. */
    public static String taggedReply(int port, IMAPClient client, Dialogue dialogue) {
        client.setDefaultTimeout((int) TIMEOUT.toMillis());
        try {
            client.connect("127.0.0.1", port);
            try {
                dialogue.run(client);
                String[] lines = client.getReplyStrings();
                String tagged = lines[lines.length - 1];
                return tagged.substring(tagged.indexOf(' ') + 1);
            } finally {
                client.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
