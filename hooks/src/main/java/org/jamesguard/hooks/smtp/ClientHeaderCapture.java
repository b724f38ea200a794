package org.jamesguard.hooks.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jamesguard.core.auth.from.ClientHeaderSection;

/**
 * Keeps the header section of the message in DATA as the client sends it, line by line, up to a limit.
 *
 * <p>Why not read it back from the stored message: James's {@code ReceivedDataLineFilter} writes its own
 * {@code Received:} field in front of the client's first line (and none when that line is empty), so a
 * client section opening with a continuation line would fold into James's field and pass for part of
 * it. Skipping "James's field" in the stored text would mean guessing its length from its date and
 * recipients, and would eat a client line whenever the chain has no such filter. Our filter runs before
 * James's (James appends its core handlers after ours; {@code SenderGate} refuses to start behind a
 * Received filter named ahead of it), so it sees the client's bytes themselves. Dot-unstuffing is done
 * as James's {@code DataLineJamesMessageHookHandler} does it, so these are the bytes James stores after
 * its field.
 */
final class ClientHeaderCapture {
    private static final AttachmentKey<ClientHeaderCapture> KEY = AttachmentKey.of("jamesguard.client-header-section",
        ClientHeaderCapture.class);

    private final int limit;
    private byte[] section = new byte[1024];
    private int length;
    private boolean ended;
    private boolean overLimit;
    private boolean dataEnded;

    private ClientHeaderCapture(int limit) {
        this.limit = limit;
    }

    /** Records one DATA line (CRLF included, dot-stuffed) of a message whose header section is wanted. */
    static void onLine(SMTPSession session, byte[] line, int limit) {
        ClientHeaderCapture capture = session.getAttachment(KEY, State.Transaction)
            .filter(current -> !current.dataEnded)
            .orElse(null);
        if (capture == null) {
            capture = new ClientHeaderCapture(limit);
            session.setAttachment(KEY, capture, State.Transaction);
        }
        capture.add(line);
    }

    /** The header section of the message whose DATA just ended, if it was captured. */
    static ClientHeaderSection of(SMTPSession session) {
        ClientHeaderCapture capture = session.getAttachment(KEY, State.Transaction).filter(current -> current.dataEnded)
            .orElseThrow(() -> new IllegalStateException("the client's header section was not captured: is SenderGate in the chain?"));
        String text = new String(capture.section, 0, capture.length, StandardCharsets.UTF_8);
        return capture.overLimit ? ClientHeaderSection.overLimit(text, capture.limit) : ClientHeaderSection.complete(text, capture.limit);
    }

    private void add(byte[] line) {
        if (line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n') {
            // James's end of data: the header section ends here at the latest.
            dataEnded = true;
            return;
        }
        if (ended || overLimit) {
            return;
        }
        int from = line.length > 1 && line[0] == '.' && line[1] == '.' ? 1 : 0;
        int octets = line.length - from;
        if (length + octets > limit) {
            overLimit = true;
            return;
        }
        if (length + octets > section.length) {
            section = Arrays.copyOf(section, Math.min(limit, Math.max(length + octets, section.length * 2)));
        }
        System.arraycopy(line, from, section, length, octets);
        length += octets;
        // A lone LF ends it for javax.mail; the From parser refuses the bare LF it leaves in the text.
        ended = octets == 2 && line[from] == '\r' && line[from + 1] == '\n' || octets == 1 && line[from] == '\n';
    }
}
