package org.jamesguard.testing.dns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jamesguard.testing.dns.Behaviours.Action;
import org.jamesguard.testing.dns.Behaviours.Behaviour;
import org.jamesguard.testing.dns.ReceivedQuery.Transport;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/** Turns each query into the reply its {@link Behaviours} rule asks for: now, later, when released, or never. */
final class Responder implements Listeners.Handler, AutoCloseable {
    private static final int UDP_LIMIT_WITHOUT_EDNS = 512;

    private final Zone zone;
    private final Behaviours behaviours;
    private final Queue<ReceivedQuery> received;
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-dns-server-delay");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Runnable> held = new ArrayList<>();
    private boolean released;

    Responder(Zone zone, Behaviours behaviours, Queue<ReceivedQuery> received) {
        this.zone = zone;
        this.behaviours = behaviours;
        this.received = received;
    }

    @Override
    public void handle(byte[] wire, Transport transport, Consumer<byte[]> reply) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            return; // not DNS: a real server ignores it too
        }
        Record question = query.getQuestion();
        if (question == null) {
            return;
        }
        received.add(new ReceivedQuery(question.getName(), question.getType(), transport));
        Behaviour behaviour = behaviours.forQuery(question.getName(), question.getType());
        if (behaviour.action == Action.DROP) {
            return;
        }
        Runnable answer = () -> reply.accept(render(query, behaviour.action, transport));
        if (behaviour.action == Action.HOLD) {
            hold(answer);
        } else if (behaviour.delay.isZero()) {
            answer.run();
        } else {
            delayed.schedule(answer, behaviour.delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void hold(Runnable answer) {
        if (released) {
            answer.run();
        } else {
            held.add(answer);
        }
    }

    /** Sends every held answer, and answers later questions of a hold rule at once, until {@link #forgetHeld()}. */
    synchronized void release() {
        released = true;
        held.forEach(Runnable::run);
        held.clear();
    }

    synchronized int heldCount() {
        return held.size();
    }

    /** Drops the held answers unsent, and holds again. */
    synchronized void forgetHeld() {
        held.clear();
        released = false;
    }

    private byte[] render(Message query, Action action, Transport transport) {
        if (action == Action.SERVFAIL) {
            return Zone.response(query, Rcode.SERVFAIL).toWire();
        }
        if (transport == Transport.TCP) {
            return zone.answer(query).toWire();
        }
        if (action == Action.TRUNCATE) {
            Message truncated = Zone.response(query, Rcode.NOERROR);
            truncated.getHeader().setFlag(Flags.TC);
            return truncated.toWire();
        }
        // dnsjava sets TC itself when the answer does not fit the client's buffer
        return zone.answer(query).toWire(udpLimit(query));
    }

    private static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? UDP_LIMIT_WITHOUT_EDNS : Math.max(UDP_LIMIT_WITHOUT_EDNS, opt.getPayloadSize());
    }

    @Override
    public void close() {
        delayed.shutdownNow();
    }
}
