package io.polyshop.platform.engines;

import java.util.HashSet;
import java.util.Set;

/**
 * Which collections changed since the last snapshot began, so that the next one writes only those
 * and links the others: "database/collection", or {@link #EVERYTHING} after a command that may
 * touch more than one collection (a drop, a rename) or a snapshot that failed.
 */
final class MongoWireChanges {

    static final String EVERYTHING = "*";

    private Set<String> changes = new HashSet<>();

    synchronized void note(String change) {
        changes.add(change);
    }

    synchronized void noteAll(Set<String> noted) {
        changes.addAll(noted);
    }

    synchronized boolean any() {
        return !changes.isEmpty();
    }

    /** What changed since the last call. */
    synchronized Set<String> take() {
        Set<String> taken = changes;
        changes = new HashSet<>();
        return taken;
    }

    static boolean unchanged(Set<String> changes, String database, String collection) {
        return !changes.contains(EVERYTHING) && !changes.contains(database + "/" + collection);
    }
}
