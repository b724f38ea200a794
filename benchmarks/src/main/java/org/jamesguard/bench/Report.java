package org.jamesguard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One benchmark's section of the results: a title, what was measured, its tables. Written to
 * {@code benchmarks/target/results/<name>.md} as soon as it is complete, so a later benchmark's failure
 * loses nothing; printed too.
 */
final class Report {
    private final String name;
    private final StringBuilder text = new StringBuilder();

    Report(String name, String title) {
        this.name = name;
        text.append("## ").append(title).append("\n\n");
    }

    Report paragraph(String paragraph) {
        text.append(paragraph).append("\n\n");
        return this;
    }

    Report table(Table table) {
        text.append(table.markdown()).append('\n');
        return this;
    }

    String name() {
        return name;
    }

    String markdown() {
        return text.toString();
    }

    void write(Path resultsDir) {
        try {
            Files.createDirectories(resultsDir);
            Files.writeString(resultsDir.resolve(name + ".md"), markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println();
        System.out.println(markdown());
    }
}
