package io.polyshop.catalog.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What one import has done so far; readable while it runs. */
public final class ImportProgress {

    public static final int MAX_REPORTED_REJECTIONS = 100;

    public enum State {
        RUNNING,
        FINISHED,
        FAILED
    }

    /** A line that did not go in, and why. */
    public record Rejection(long line, String reason) {}

    public record Snapshot(
            UUID id,
            State state,
            Instant startedAt,
            Instant finishedAt,
            long lines,
            long created,
            long updated,
            long unchanged,
            long rejected,
            List<Rejection> rejections) {}

    private final UUID id = UUID.randomUUID();
    private final Instant startedAt;
    private State state = State.RUNNING;
    private Instant finishedAt;
    private long lines;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private final List<Rejection> rejections = new ArrayList<>();

    ImportProgress(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public UUID id() {
        return id;
    }

    synchronized void created() {
        lines++;
        created++;
    }

    synchronized void updated() {
        lines++;
        updated++;
    }

    synchronized void unchanged() {
        lines++;
        unchanged++;
    }

    synchronized void rejected(long line, String reason) {
        lines++;
        rejected++;
        if (rejections.size() < MAX_REPORTED_REJECTIONS) {
            rejections.add(new Rejection(line, reason));
        }
    }

    synchronized void finish(State outcome, Instant at) {
        state = outcome;
        finishedAt = at;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(
                id,
                state,
                startedAt,
                finishedAt,
                lines,
                created,
                updated,
                unchanged,
                rejected,
                List.copyOf(rejections));
    }
}
