package io.polyshop.search.adapter.in.web;

import io.polyshop.search.api.ReindexReport;
import io.polyshop.search.application.Reindexing;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilds the index from the catalog while searches keep being answered. */
@RestController
class ReindexController {

    private final Reindexing reindex;

    ReindexController(Reindexing reindex) {
        this.reindex = reindex;
    }

    @PostMapping("/api/v1/admin/search/reindex")
    ReindexReport reindex() {
        return SearchViews.report(reindex.rebuild());
    }
}
