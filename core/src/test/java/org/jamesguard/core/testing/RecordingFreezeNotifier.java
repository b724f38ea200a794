package org.jamesguard.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jamesguard.core.hijack.FreezeNotifier;

/** A {@link FreezeNotifier} that keeps what it was asked to send, oldest first. Thread-safe. */
public final class RecordingFreezeNotifier implements FreezeNotifier {
    private final List<FreezeNotice> sent = new ArrayList<>();

    @Override
    public synchronized void send(FreezeNotice notice) {
        sent.add(notice);
    }

    /** Every notice and confirmation sent so far, oldest first. */
    public synchronized List<FreezeNotice> sent() {
        return List.copyOf(sent);
    }

    /** The subjects sent so far, oldest first: the shortest way to assert what was sent. */
    public synchronized List<String> subjects() {
        return sent.stream().map(FreezeNotice::subject).collect(Collectors.toUnmodifiableList());
    }

    /** The latest notice; fails when none was sent. */
    public synchronized FreezeNotice last() {
        if (sent.isEmpty()) {
            throw new AssertionError("no freeze notice was sent");
        }
        return sent.get(sent.size() - 1);
    }

    public synchronized void clear() {
        sent.clear();
    }
}
