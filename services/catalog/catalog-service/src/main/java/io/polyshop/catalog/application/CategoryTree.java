package io.polyshop.catalog.application;

import io.polyshop.catalog.domain.Category;
import io.polyshop.catalog.domain.CategoryId;
import io.polyshop.catalog.domain.CategoryPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The categories as a tree: paths from the root, descendants, and the nested shape shoppers browse. */
public final class CategoryTree {

    private final Map<CategoryId, Category> byId = new LinkedHashMap<>();

    public CategoryTree(List<Category> categories) {
        categories.forEach(category -> byId.put(category.id(), category));
    }

    public Optional<CategoryPath> path(CategoryId id) {
        Deque<Category> path = new ArrayDeque<>();
        Category current = byId.get(id);
        while (current != null && path.size() <= byId.size()) {
            path.addFirst(current);
            current = current.parent() == null ? null : byId.get(current.parent());
        }
        return path.isEmpty() ? Optional.empty() : Optional.of(new CategoryPath(List.copyOf(path)));
    }

    /** The category and everything below it. */
    public List<CategoryId> withDescendants(CategoryId id) {
        List<CategoryId> found = new ArrayList<>();
        Deque<CategoryId> pending = new ArrayDeque<>(List.of(id));
        while (!pending.isEmpty() && found.size() <= byId.size()) {
            CategoryId next = pending.poll();
            found.add(next);
            byId.values().stream()
                    .filter(category -> next.equals(category.parent()))
                    .forEach(child -> pending.add(child.id()));
        }
        return found;
    }

    /** Whether making {@code parent} the parent of {@code id} would close a loop. */
    public boolean wouldLoop(CategoryId id, CategoryId parent) {
        return parent != null
                && path(parent).map(path -> path.ids().contains(id)).orElse(false);
    }

    public boolean contains(CategoryId id) {
        return byId.containsKey(id);
    }

    public List<Node> roots() {
        return children(null);
    }

    private List<Node> children(CategoryId parent) {
        return byId.values().stream()
                .filter(category -> Objects.equals(category.parent(), parent))
                .map(category -> new Node(category, children(category.id())))
                .toList();
    }

    public record Node(Category category, List<Node> children) {}
}
