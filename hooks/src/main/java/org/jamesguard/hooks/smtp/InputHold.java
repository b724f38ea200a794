package org.jamesguard.hooks.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.netty.HandlerConstants;
import org.apache.james.protocols.smtp.SMTPSession;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;

/**
 * Holds an SMTP session's commands until the DNS answers the next one needs are in, without blocking
 * the Netty event loop, which serves many sessions (James hooks are synchronous: a hook that waited for
 * DNS would stall them all).
 * <p>
 * The command that needs the answers gets no reply yet. The session stops reading its socket (Netty
 * auto-read off); lines Netty had already read (pipelined commands) are queued by a line handler pushed
 * over James's. When the answers are in, the event loop replays the held lines, in order, into the
 * pipeline just after James's line framer, as if they had just arrived; James then runs the command
 * and its hooks, which find the answers ready. A replayed line that needs more answers holds the
 * session again and takes the remaining lines with it. How long a hold lasts is bounded by whoever
 * completes {@code ready}: the DNS verifier answers every check within its deadline.
 */
final class InputHold {
    private static final AttachmentKey<InputHold> KEY = AttachmentKey.of("jamesguard.input-hold", InputHold.class);
    private static final String CRLF = "\r\n";

    private final SMTPSession session;
    private final Channel channel;
    private final List<byte[]> lines = new ArrayList<>();

    private InputHold(SMTPSession session, Channel channel) {
        this.session = session;
        this.channel = channel;
    }

    /**
     * Holds the session, {@code command} first, until {@code ready} completes. Returns what the command
     * handler answers for now: nothing reaches the client.
     */
    static Response until(SMTPSession session, Request command, CompletableFuture<?> ready) {
        InputHold hold = new InputHold(session, NettyChannels.of(session));
        String line = command.getCommand() + (command.getArgument() == null ? "" : " " + command.getArgument()) + CRLF;
        hold.lines.add(line.getBytes(session.getCharset()));
        session.setAttachment(KEY, hold, State.Connection);
        hold.channel.config().setAutoRead(false);
        session.pushLineHandler((heldSession, held) -> {
            hold.lines.add(held);
            return null;
        });
        ready.whenComplete((answers, failure) -> hold.channel.eventLoop().execute(hold::release));
        return SmtpReplies.NO_COMMAND_RESPONSE;
    }

    /** On the event loop: replays the held lines until one of them holds the session again. */
    private void release() {
        if (!channel.isActive()) {
            return; // the client left: James has cleaned the session up
        }
        session.removeAttachment(KEY, State.Connection);
        session.popLineHandler();
        ChannelHandlerContext framer = channel.pipeline().context(HandlerConstants.FRAMER);
        for (int i = 0; i < lines.size() && channel.isActive(); i++) {
            InputHold next = session.getAttachment(KEY, State.Connection).orElse(null);
            if (next != null) {
                next.lines.addAll(lines.subList(i, lines.size()));
                return;
            }
            framer.fireChannelRead(Unpooled.wrappedBuffer(lines.get(i)));
        }
        if (channel.isActive() && session.getAttachment(KEY, State.Connection).isEmpty()) {
            framer.fireChannelReadComplete();
            channel.config().setAutoRead(true);
        }
    }
}
