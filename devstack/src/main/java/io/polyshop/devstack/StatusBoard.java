package io.polyshop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The devstack's state as a tab-separated file that ./polyshop reads to show progress and the
 * final table: one row per engine or service, replaced atomically on every change.
 */
final class StatusBoard {

    enum State {
        STARTING,
        READY,
        FAILED,
        NOT_BUILT,
        STOPPED
    }

    record Row(String name, String kind, State state, String address, String detail, String log) {}

    static final String OVERALL = "devstack";

    private final Path file;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    StatusBoard(Path file) {
        this.file = file;
    }

    synchronized void put(Row row) {
        rows.put(row.name(), row);
        write();
    }

    synchronized void overall(State state, String detail) {
        put(new Row(OVERALL, "launcher", state, "", detail, ".polyshop/logs/devstack.log"));
    }

    private void write() {
        StringBuilder text = new StringBuilder("name\tkind\tstate\taddress\tdetail\tlog\n");
        rows.values()
                .forEach(row -> text.append(String.join(
                                "\t",
                                row.name(),
                                row.kind(),
                                row.state()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', '-'),
                                row.address(),
                                row.detail().replace('\t', ' ').replace('\n', ' '),
                                row.log()))
                        .append('\n'));
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
