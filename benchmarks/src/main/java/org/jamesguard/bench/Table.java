package org.jamesguard.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table, as BENCHMARKS.md shows it. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        List<String> rule = new ArrayList<>();
        header.forEach(column -> rule.add("---"));
        line(out, rule);
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    /** 1234567.8 as "1,234,568". */
    static String count(double value) {
        return String.format("%,.0f", value);
    }

    /** A ratio or multiple with two decimals. */
    static String ratio(double value) {
        return String.format("%.2f", value);
    }

    /** Milliseconds with one decimal. */
    static String millis(double value) {
        return String.format("%.1f", value);
    }
}
