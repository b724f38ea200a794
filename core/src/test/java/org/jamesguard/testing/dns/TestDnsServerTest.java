package org.jamesguard.testing.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.jamesguard.testing.dns.ReceivedQuery.Transport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The server speaks DNS as a resolver expects it to; checked with dnsjava's plain synchronous client. */
class TestDnsServerTest {
    @RegisterExtension
    static final TestDnsServer dns = TestDnsServer.start();

    private SimpleResolver client;

    @BeforeEach
    void newClient() {
        client = new SimpleResolver(dns.address());
        client.setTimeout(Duration.ofSeconds(5));
    }

    @Test
    void answersTheSameQuestionOverUdpAndTcpAndRecordsBoth() throws IOException {
        dns.addressRecord("mail.example.test", "127.0.0.7");

        Message overUdp = ask("mail.example.test", Type.A);
        client.setTCP(true);
        Message overTcp = ask("mail.example.test", Type.A);

        assertThat(overUdp.getSection(Section.ANSWER)).extracting(Record::rdataToString).containsExactly("127.0.0.7");
        assertThat(overTcp.getSection(Section.ANSWER)).isEqualTo(overUdp.getSection(Section.ANSWER));
        assertThat(dns.queries()).extracting(ReceivedQuery::toString)
            .containsExactly("mail.example.test/A over UDP", "mail.example.test/A over TCP");
    }

    @Test
    void unknownNameIsNxdomainAndOtherTypeIsNodataBothWithAnSoaForNegativeCaching() throws IOException {
        dns.addressRecord("host.example.test", "127.0.0.7");

        Message unknown = ask("nothing.example.test", Type.A);
        Message otherType = ask("host.example.test", Type.MX);
        Message emptyNonTerminal = ask("example.test", Type.A);

        assertThat(unknown.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(otherType.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(otherType.getSection(Section.ANSWER)).isEmpty();
        assertThat(emptyNonTerminal.getRcode()).as("RFC 8020: a name with names below it exists").isEqualTo(Rcode.NOERROR);
        assertThat(unknown.getSection(Section.AUTHORITY)).extracting(Record::getType).containsExactly(Type.SOA);
        assertThat(otherType.getSection(Section.AUTHORITY)).extracting(Record::getType).containsExactly(Type.SOA);
    }

    @Test
    void cnameChainIsAnsweredInFullLikeARecursiveResolver() throws IOException {
        dns.cname("www.example.test", "edge.example.test")
            .cname("edge.example.test", "host.example.test")
            .addressRecord("host.example.test", "2001:db8::7");

        Message answer = ask("www.example.test", Type.AAAA);

        assertThat(answer.getSection(Section.ANSWER)).extracting(Record::getType)
            .containsExactly(Type.CNAME, Type.CNAME, Type.AAAA);
    }

    @Test
    void anAnswerTooLargeForUdpIsTruncatedAndComesWholeOverTcp() throws IOException {
        // more than the 1280 bytes of EDNS payload dnsjava announces
        for (int i = 1; i <= 100; i++) {
            dns.addressRecord("many.example.test", "127.0.1." + i);
        }

        client.setIgnoreTruncation(true);
        Message overUdp = ask("many.example.test", Type.A);
        client.setIgnoreTruncation(false);
        Message retried = ask("many.example.test", Type.A);

        assertThat(overUdp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(retried.getSection(Section.ANSWER)).hasSize(100);
        assertThat(dns.queries()).extracting(ReceivedQuery::transport)
            .containsExactly(Transport.UDP, Transport.UDP, Transport.TCP);
    }

    @Test
    void aRuleForOneTypeLeavesTheOtherTypesOfTheNameAlone() throws IOException {
        dns.addressRecord("host.example.test", "127.0.0.7").servfail("host.example.test", Type.AAAA);

        assertThat(ask("host.example.test", Type.AAAA).getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(ask("host.example.test", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(dns.queryCount("host.example.test.", Type.AAAA)).isEqualTo(1);
    }

    @Test
    void forcedTruncationAppliesToUdpOnly() throws IOException {
        dns.addressRecord("host.example.test", "127.0.0.7").truncate("host.example.test");

        client.setIgnoreTruncation(true);
        Message overUdp = ask("host.example.test", Type.A);
        client.setTCP(true);
        Message overTcp = ask("host.example.test", Type.A);

        assertThat(overUdp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(overUdp.getSection(Section.ANSWER)).isEmpty();
        assertThat(overTcp.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void aHeldAnswerIsSentWhenTheTestReleasesItAndLaterQuestionsAreAnsweredAtOnce() throws Exception {
        dns.addressRecord("host.example.test", "127.0.0.7").addressRecord("other.example.test", "127.0.0.8")
            .hold("host.example.test");
        client.setTimeout(Duration.ofMinutes(5));

        CompletableFuture<Message> held = client.sendAsync(query("host.example.test", Type.A)).toCompletableFuture();
        Awaitility.await("the question reached the server").atMost(Duration.ofSeconds(30)).until(() -> dns.heldCount() == 1);
        assertThat(ask("other.example.test", Type.A).getSection(Section.ANSWER)).as("other names are not held").hasSize(1);
        assertThat(held).as("not answered before the release").isNotDone();

        dns.release();

        assertThat(held.get(30, TimeUnit.SECONDS).getSection(Section.ANSWER)).extracting(Record::rdataToString)
            .containsExactly("127.0.0.7");
        assertThat(ask("host.example.test", Type.A).getSection(Section.ANSWER)).hasSize(1);
        assertThat(dns.heldCount()).isZero();
    }

    @Test
    void aResetDropsHeldAnswersAndHoldsAgain() throws Exception {
        dns.holdAll();
        client.setTimeout(Duration.ofMinutes(5));
        CompletableFuture<Message> dropped = client.sendAsync(query("host.example.test", Type.A)).toCompletableFuture();
        Awaitility.await("the question reached the server").atMost(Duration.ofSeconds(30)).until(() -> dns.heldCount() == 1);

        dns.reset();
        dns.holdAll();
        client.sendAsync(query("host.example.test", Type.AAAA));
        Awaitility.await("the next question is held").atMost(Duration.ofSeconds(30)).until(() -> dns.heldCount() == 1);

        assertThat(dropped).as("its answer was dropped").isNotDone();
        dropped.cancel(true);
    }

    private Message ask(String name, int type) throws IOException {
        return client.send(query(name, type));
    }

    private static Message query(String name, int type) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
    }
}
