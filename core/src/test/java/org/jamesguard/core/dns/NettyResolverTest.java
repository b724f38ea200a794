package org.jamesguard.core.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jamesguard.testing.dns.ReceivedQuery;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

class NettyResolverTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(200);
    private static final EventLoopGroup LOOP = new NioEventLoopGroup(1);

    @RegisterExtension
    static final TestDnsServer dns = TestDnsServer.start();

    @AfterAll
    static void stopLoop() {
        LOOP.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }

    @Test
    void answersOverUdp() throws Exception {
        dns.addressRecord("mail.example.test", "127.0.0.7");

        Message answer = send(dns.address(), query("mail.example.test", Type.A), TIMEOUT);

        assertThat(answer.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("127.0.0.7");
        assertThat(dns.queries()).extracting(ReceivedQuery::transport).containsExactly(ReceivedQuery.Transport.UDP);
    }

    @Test
    void asksAgainOverTcpWhenTheUdpAnswerIsTruncated() throws Exception {
        dns.addressRecord("mail.example.test", "127.0.0.7").truncate("mail.example.test");

        Message answer = send(dns.address(), query("mail.example.test", Type.A), TIMEOUT);

        assertThat(answer.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("127.0.0.7");
        assertThat(dns.queries()).extracting(ReceivedQuery::transport)
            .containsExactly(ReceivedQuery.Transport.UDP, ReceivedQuery.Transport.TCP);
    }

    @Test
    void announcesAnEdnsBufferSoAnswersBeyond512BytesStillComeOverUdp() throws Exception {
        for (int i = 1; i <= 40; i++) {
            dns.addressRecord("big.example.test", "127.0.1." + i);
        }

        Message answer = send(dns.address(), query("big.example.test", Type.A), TIMEOUT);

        assertThat(answer.getSection(Section.ANSWER)).hasSize(40);
        assertThat(answer.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(dns.queries()).extracting(ReceivedQuery::transport).containsExactly(ReceivedQuery.Transport.UDP);
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        dns.drop("mail.example.test");

        assertThatThrownBy(() -> send(dns.address(), query("mail.example.test", Type.A), SHORT_TIMEOUT))
            .hasCauseInstanceOf(SocketTimeoutException.class)
            .hasMessageContaining("mail.example.test./A to udp/127.0.0.1:" + dns.port() + " timed out");
    }

    @Test
    void aClosedPortFailsAtOnceInsteadOfWaitingForTheTimeout() throws Exception {
        InetSocketAddress closed;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = (InetSocketAddress) socket.getLocalSocketAddress();
        }

        assertThatThrownBy(() -> send(closed, query("mail.example.test", Type.A), TIMEOUT))
            .hasCauseInstanceOf(PortUnreachableException.class);
    }

    @Test
    void ignoresAnswersThatDoNotMatchTheQueryAndTakesTheOneThatDoes() throws Exception {
        Message query = query("mail.example.test", Type.A);
        try (DatagramSocket forger = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Message> pending = resolver((InetSocketAddress) forger.getLocalSocketAddress(), TIMEOUT)
                .sendAsync(query).toCompletableFuture();
            DatagramPacket received = new DatagramPacket(new byte[512], 512);
            forger.receive(received);
            Message asked = new Message(Arrays.copyOf(received.getData(), received.getLength()));

            reply(forger, received, answer(asked, asked.getHeader().getID() ^ 1, "mail.example.test", "192.0.2.66"));
            reply(forger, received, answer(asked, asked.getHeader().getID(), "other.example.test", "192.0.2.66"));
            reply(forger, received, answer(asked, asked.getHeader().getID(), "mail.example.test", "127.0.0.7"));

            assertThat(pending.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getSection(Section.ANSWER))
                .extracting(Record::rdataToString).containsExactly("127.0.0.7");
        }
    }

    private static Message answer(Message asked, int id, String name, String address) throws Exception {
        Message answer = new Message(id);
        answer.getHeader().setFlag(Flags.QR);
        Name owner = Name.fromString(name + ".");
        answer.addRecord(Record.newRecord(owner, Type.A, DClass.IN), Section.QUESTION);
        answer.addRecord(new ARecord(owner, DClass.IN, 60, InetAddress.getByName(address)), Section.ANSWER);
        return answer;
    }

    private static void reply(DatagramSocket socket, DatagramPacket to, Message message) throws Exception {
        byte[] wire = message.toWire();
        socket.send(new DatagramPacket(wire, wire.length, to.getSocketAddress()));
    }

    private static Message query(String name, int type) throws Exception {
        return Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN));
    }

    private static NettyResolver resolver(InetSocketAddress server, Duration timeout) {
        return new NettyResolver(server, timeout, LOOP);
    }

    private static Message send(InetSocketAddress server, Message query, Duration timeout) throws Exception {
        try {
            return resolver(server, timeout).sendAsync(query).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ExecutionException(e.getCause().getMessage(), e.getCause());
        }
    }
}
