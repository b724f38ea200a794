package org.jamesguard.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.store.StoreConfig;
import org.jamesguard.core.store.StoreLimits;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.store.redis.RedisStores;
import org.jamesguard.core.testing.XmlConfigs;
import org.jamesguard.testing.redis.RedisServer;

/**
 * The Redis store against a local redis-server: the round trips each step of an authenticated message costs
 * (counted by MONITOR, so a Lua script's own commands inside Redis are not), and counted messages per second
 * with one thread and with as many as James's event loops on this machine.
 */
final class RedisStoreBenchmark {
    private static final int ACCOUNTS = 10_000;
    private static final int CALLS = 1000;
    private static final Duration MEASURED = Duration.ofSeconds(10);

    private RedisStoreBenchmark() {
    }

    static Report run() throws Exception {
        try (RedisServer redis = RedisServer.start(); Stores stores = RedisStores.connect(config(redis.uri()), StoreLimits.DEFAULT)) {
            HijackState hijack = new HijackState(stores, true);
            DynamicScreen screen = new DynamicScreen(stores.screen(), Clock.systemUTC());
            SessionSnapshot[] sessions = HijackState.sessions(ACCOUNTS);
            for (SessionSnapshot session : sessions) {
                // loads the scripts and gives every account a window and an IP seen, as in steady state
                hijack.login(session);
                hijack.countMessage(session);
            }
            // the gate at connect and the matcher in the pipeline ask the same question
            String screenRoundTrips = roundTrips(redis, sessions, screen::atConnect);
            Table steps = new Table("Step of an authenticated SMTP message", "Core call", "Round trips")
                .row("connect (`ScreenGate`)", "`DynamicScreen.atConnect`: is the IP screened?", screenRoundTrips)
                .row("AUTH (`AuthGate`)", "`HijackPolicy.atLogin`: frozen? record the IP (C5 off, the default)",
                    roundTrips(redis, sessions, hijack::login))
                .row("MAIL (`HijackGate`)", "`HijackPolicy.atMail`: frozen since the login?",
                    roundTrips(redis, sessions, session -> hijack.policy.atMail(session)))
                .row("**DATA (`HijackGate`): the counted message**", "**`HijackPolicy.atMessage`: count against the limit**",
                    roundTrips(redis, sessions, hijack::countMessage))
                .row("mail pipeline (`SubmittedByFrozenAccount`)", "`FrozenAccounts.atStep`: submitted by a frozen account?",
                    roundTrips(redis, sessions, session -> hijack.frozen.atStep(session.authUser().orElseThrow(),
                        AuditContext.NONE, Replies.ACCOUNT_FROZEN)))
                .row("mail pipeline (`ClientIsScreened`)", "`DynamicScreen.atConnect`: sent from a screened IP?",
                    screenRoundTrips);
            int eventLoops = 2 * Runtime.getRuntime().availableProcessors();
            Table throughput = new Table("Threads", "Counted messages/s")
                .row(1, Table.count(countedPerSecond(hijack, sessions, 1)))
                .row(eventLoops, Table.count(countedPerSecond(hijack, sessions, eventLoops)));
            return new Report("redis", "Redis store")
                .paragraph("redis-server " + redisVersion() + " on loopback, started by the benchmark (no persistence); "
                    + "the store as James Guard opens it (one lettuce connection, store timers on), "
                    + String.format("%,d", ACCOUNTS) + " accounts each logged in and counted once before measuring. "
                    + "Round trips are the commands the store sent while " + CALLS + " calls ran, counted by Redis's "
                    + "MONITOR, divided by the calls: a Lua script is one, whatever it does inside Redis.")
                .table(steps)
                .paragraph("Counted messages per second: `HijackPolicy.atMessage` for random accounts, " + MEASURED.toSeconds()
                    + " s after a warm-up as long, on 1 thread and on " + eventLoops + " (James's event loops on this "
                    + "machine); the threads share the one connection, whose commands lettuce pipelines.")
                .table(throughput);
        }
    }

    private static StoreConfig.RedisConfig config(String uri) {
        return StoreConfig.parse(ConfigReader.of(XmlConfigs.parse("<store><backend>redis</backend><redis><uri>" + uri
            + "</uri><timeout>5s</timeout></redis></store>"), "<store>")).redis().orElseThrow();
    }

    private static String roundTrips(RedisServer redis, SessionSnapshot[] sessions, Consumer<SessionSnapshot> step) {
        long commands = redis.clientCommands(() -> {
            for (int i = 0; i < CALLS; i++) {
                step.accept(sessions[i % sessions.length]);
            }
        });
        return Table.ratio(commands / (double) CALLS);
    }

    private static double countedPerSecond(HijackState hijack, SessionSnapshot[] sessions, int threads) throws Exception {
        countFor(hijack, sessions, threads, MEASURED);
        return countFor(hijack, sessions, threads, MEASURED) / (double) MEASURED.toSeconds();
    }

    private static long countFor(HijackState hijack, SessionSnapshot[] sessions, int threads, Duration duration)
        throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + duration.toNanos();
            List<Future<Long>> counted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counted.add(pool.submit(() -> {
                    long count = 0;
                    while (System.nanoTime() - end < 0) {
                        if (hijack.countMessage(sessions[ThreadLocalRandom.current().nextInt(sessions.length)])) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> future : counted) {
                total += future.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String redisVersion() {
        try {
            Process process = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            int start = output.indexOf("v=");
            return start < 0 ? output : output.substring(start + 2, output.indexOf(' ', start));
        } catch (Exception e) {
            return "(version unknown: " + e.getMessage() + ")";
        }
    }
}
