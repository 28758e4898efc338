package io.polyshop.catalog.application;

import io.polyshop.catalog.application.port.out.Brands;
import io.polyshop.catalog.application.port.out.Categories;
import io.polyshop.catalog.application.port.out.Products;
import io.polyshop.catalog.domain.InvalidCatalogEntryException;
import io.polyshop.catalog.domain.Product;
import io.polyshop.catalog.domain.ProductDetails;
import io.polyshop.catalog.domain.ProductStateException;
import io.polyshop.catalog.domain.ProductStatus;
import io.polyshop.catalog.domain.Sku;
import io.polyshop.commerce.api.CommerceRules;
import io.polyshop.platform.domain.Violation;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import: each line is a product, matched to an existing one by SKU (so running the same file
 * twice changes nothing); a line with status ARCHIVED withdraws the product with that SKU. A line that is not a valid product is rejected with its number and reason
 * while the others go in. Lines are consumed as they arrive, so a file of any length streams
 * through in constant memory; progress is readable while it runs.
 */
public class ProductImport {

    private static final Logger log = LoggerFactory.getLogger(ProductImport.class);
    private static final int KEPT = 20;
    private static final int LOG_EVERY = 5_000;

    private final ProductAdministration administration;
    private final Products products;
    private final Categories categories;
    private final Brands brands;
    private final Clock clock;
    private final Deque<ImportProgress> recent = new ArrayDeque<>();

    public ProductImport(
            ProductAdministration administration,
            Products products,
            Categories categories,
            Brands brands,
            Clock clock) {
        this.administration = administration;
        this.products = products;
        this.categories = categories;
        this.brands = brands;
        this.clock = clock;
    }

    /** Imports every line, then reports what happened to each. */
    public ImportProgress.Snapshot run(Iterator<ImportLine> lines) {
        ImportProgress progress = begin();
        CatalogView view = CatalogView.read(categories, brands);
        try {
            while (lines.hasNext()) {
                importLine(lines.next(), view, progress);
                long done = progress.snapshot().lines();
                if (done % LOG_EVERY == 0) {
                    log.info("import {}: {} lines done", progress.id(), done);
                }
            }
            progress.finish(ImportProgress.State.FINISHED, clock.instant());
        } catch (RuntimeException e) {
            progress.finish(ImportProgress.State.FAILED, clock.instant());
            throw e;
        }
        ImportProgress.Snapshot report = progress.snapshot();
        log.info(
                "import {} finished: {} lines, {} created, {} updated, {} unchanged, {} rejected",
                report.id(),
                report.lines(),
                report.created(),
                report.updated(),
                report.unchanged(),
                report.rejected());
        return report;
    }

    /** Imports running now and the last finished ones, newest first. */
    public synchronized List<ImportProgress.Snapshot> recent() {
        return recent.stream().map(ImportProgress::snapshot).toList();
    }

    private synchronized ImportProgress begin() {
        ImportProgress progress = new ImportProgress(clock.instant());
        recent.addFirst(progress);
        while (recent.size() > KEPT) {
            recent.removeLast();
        }
        return progress;
    }

    private void importLine(ImportLine line, CatalogView view, ImportProgress progress) {
        if (line.unreadable() != null) {
            progress.rejected(line.number(), line.unreadable());
            return;
        }
        try {
            if (line.status() == ImportLine.Status.ARCHIVED) {
                withdraw(line, progress);
                return;
            }
            ProductDetails details = view.drafts().check(line.draft());
            List<Product> holders = products.findBySkus(details.allSkus());
            Optional<Product> existing = holders.stream()
                    .filter(holder -> holder.details().sku().equals(details.sku()))
                    .findFirst();
            if (existing.isEmpty()) {
                administration.place(details, line.status() == ImportLine.Status.ACTIVE, view.listings(), holders);
                progress.created();
                return;
            }
            Product current = existing.get();
            boolean changed = !current.details().equals(details);
            if (changed) {
                current = administration.revise(current, current.version(), details, view.listings());
            }
            boolean publish = line.status() == ImportLine.Status.ACTIVE && current.status() == ProductStatus.DRAFT;
            if (publish) {
                administration.publish(current, current.version(), view.listings());
            }
            if (changed || publish) {
                progress.updated();
            } else {
                progress.unchanged();
            }
        } catch (InvalidCatalogEntryException invalid) {
            progress.rejected(line.number(), describe(invalid.violations()));
        } catch (DuplicateProductException | StaleProductException | ProductStateException refused) {
            progress.rejected(line.number(), refused.getMessage());
        }
    }

    /** An archive line names the product by SKU; archiving what is already archived changes nothing. */
    private void withdraw(ImportLine line, ImportProgress progress) {
        String sku = line.draft().sku();
        if (!CommerceRules.isSku(sku)) {
            progress.rejected(line.number(), "sku " + CommerceRules.SKU_RULE);
            return;
        }
        Optional<Product> existing =
                products.findBySkus(List.of(new Sku(sku))).stream().findFirst();
        if (existing.isEmpty()) {
            progress.rejected(line.number(), "no product has the SKU " + sku);
        } else if (existing.get().status() == ProductStatus.ARCHIVED) {
            progress.unchanged();
        } else {
            administration.archive(
                    existing.get().id(), OptionalLong.of(existing.get().version()));
            progress.updated();
        }
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(violation -> violation.field() + " " + violation.message())
                .collect(Collectors.joining("; "));
    }
}
