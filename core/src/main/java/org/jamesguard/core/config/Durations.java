package org.jamesguard.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of our configuration: {@code 500ms}, {@code 3s}, {@code 10m}, {@code 1h}, {@code 2d}, or ISO-8601 {@code PT10M}.
 * Not James's {@code DurationParser} (3.8.1): it reads no ISO-8601, takes a bare number as milliseconds
 * ({@code 30} is 30 ms), accepts zero, and estimated months and years.
 */
public final class Durations {
    public static final String FORMAT = "a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M";
    private static final Map<String, ChronoUnit> UNITS = units();
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*([a-z]+)");
    /** Ten years: anything longer means "for ever", and a time that far ahead overflows {@code Instant}. */
    public static final Duration MAX = Duration.ofDays(3650);

    private Durations() {
    }

    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SIMPLE.matcher(value);
        Duration duration;
        if (matcher.matches() && UNITS.containsKey(matcher.group(2))) {
            try {
                duration = ofUnit(Long.parseLong(matcher.group(1)), matcher.group(2));
            } catch (NumberFormatException | ArithmeticException e) {
                throw invalid(text);
            }
        } else {
            try {
                duration = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(text);
        }
        if (duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("expected at most " + format(MAX) + ", got '" + text + "'");
        }
        return duration;
    }

    private static Duration ofUnit(long amount, String unit) {
        return Duration.of(amount, UNITS.get(unit));
    }

    /**
     * The shortest form {@link #parse} reads back, for showing effective configuration; ISO-8601 when
     * the duration has a sub-millisecond part.
     */
    public static String format(Duration duration) {
        if (duration.getNano() % 1_000_000 != 0) {
            return duration.toString();
        }
        long millis = duration.toMillis();
        if (millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static Map<String, ChronoUnit> units() {
        Map<String, ChronoUnit> units = new HashMap<>();
        for (String name : new String[] {"ms", "millis", "millisecond", "milliseconds"}) {
            units.put(name, ChronoUnit.MILLIS);
        }
        for (String name : new String[] {"s", "sec", "second", "seconds"}) {
            units.put(name, ChronoUnit.SECONDS);
        }
        for (String name : new String[] {"m", "min", "minute", "minutes"}) {
            units.put(name, ChronoUnit.MINUTES);
        }
        for (String name : new String[] {"h", "hour", "hours"}) {
            units.put(name, ChronoUnit.HOURS);
        }
        for (String name : new String[] {"d", "day", "days"}) {
            units.put(name, ChronoUnit.DAYS);
        }
        return Map.copyOf(units);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("expected " + FORMAT + ", got '" + text + "'");
    }
}
