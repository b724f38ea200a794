package org.jamesguard.hooks.smtp;

import java.lang.reflect.Field;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSessionImpl;
import org.apache.james.protocols.netty.NettyProtocolTransport;

import io.netty.channel.Channel;

/**
 * The Netty channel under a James session. James 3.8.1 offers no way to it: its
 * {@link NettyProtocolTransport} keeps the channel in a private field, {@code channel}. This is the only
 * place that reaches into James's internals; {@code NettyChannelsTest} breaks if a James upgrade moves it.
 */
final class NettyChannels {
    private static final Field CHANNEL = channelField();

    private NettyChannels() {
    }

    static Channel of(ProtocolSession session) {
        Object transport = ((ProtocolSessionImpl) session).getProtocolTransport();
        try {
            return (Channel) CHANNEL.get(transport);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the channel of " + transport, e);
        }
    }

    private static Field channelField() {
        try {
            Field field = NettyProtocolTransport.class.getDeclaredField("channel");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("James's NettyProtocolTransport has no 'channel' field any more", e);
        }
    }
}
