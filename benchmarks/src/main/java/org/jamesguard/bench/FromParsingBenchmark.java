package org.jamesguard.bench;

import java.util.concurrent.TimeUnit;

import org.jamesguard.core.auth.from.FromHeaderAnalysis;
import org.jamesguard.core.auth.from.FromHeaderParser;
import org.jamesguard.core.auth.from.FromReaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the From checks cost per message, for three usual From fields in a header section of ten fields:
 * A6's own parse of the header section ({@code fromOwnership}), and what H2 adds on top of it, reading
 * the value with javax.mail and mime4j, strict and lenient ({@code parsersAgree}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class FromParsingBenchmark {
    @State(Scope.Benchmark)
    public static class Message {
        @Param({"plain", "display-name", "encoded-word"})
        String from;

        String section;
        FromHeaderAnalysis analysis;

        @Setup(Level.Trial)
        public void parse() {
            String field;
            switch (from) {
                case "plain":
                    field = "From: alice@example.test";
                    break;
                case "display-name":
                    field = "From: \"Smith, Alice\" <alice@example.test>";
                    break;
                default:
                    field = "From: =?UTF-8?Q?Alice_J=C3=B6rg?= (home) <alice@example.test>";
            }
            section = "Received: from client.example.test ([192.0.2.7]) by mx.example.test\r\n"
                + "Date: Sun, 22 Nov 2026 12:00:00 +0000\r\n"
                + field + "\r\n"
                + "To: Bob <bob@example.test>\r\n"
                + "Cc: carol@example.test\r\n"
                + "Subject: The quarterly report, with the figures you asked for\r\n"
                + "Message-ID: <4f1b2c3d-5e6f-7a8b-9c0d-1e2f3a4b5c6d@example.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n";
            analysis = FromHeaderParser.parse(section);
            if (analysis.rejection().isPresent() || FromReaders.disagreement(analysis.value().orElseThrow(), analysis.mailboxes()).isPresent()) {
                throw new IllegalStateException("the benchmark's From must pass: " + field);
            }
        }
    }

    @Benchmark
    public FromHeaderAnalysis fromOwnership(Message message) {
        return FromHeaderParser.parse(message.section);
    }

    @Benchmark
    public Object parsersAgree(Message message) {
        return FromReaders.disagreement(message.analysis.value().orElseThrow(), message.analysis.mailboxes());
    }
}
