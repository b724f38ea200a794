package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.apache.james.protocols.api.ProtocolConfiguration;
import org.apache.james.protocols.api.ProtocolSessionImpl;
import org.apache.james.protocols.netty.NettyProtocolTransport;
import org.junit.jupiter.api.Test;

import io.netty.channel.embedded.EmbeddedChannel;

/** Guards the one reflective access to James 3.8.1's internals: a James upgrade that moves the field fails here. */
class NettyChannelsTest {
    @Test
    void findsTheChannelUnderAJamesSession() {
        EmbeddedChannel channel = new EmbeddedChannel();
        ProtocolSessionImpl session = new ProtocolSessionImpl(new NettyProtocolTransport(channel, null, false),
            mock(ProtocolConfiguration.class));

        assertThat(NettyChannels.of(session)).isSameAs(channel);
    }
}
