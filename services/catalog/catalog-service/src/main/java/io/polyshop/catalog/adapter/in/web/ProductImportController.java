package io.polyshop.catalog.adapter.in.web;

import io.polyshop.catalog.adapter.in.web.CatalogRequests.ProductRequest;
import io.polyshop.catalog.application.ImportLine;
import io.polyshop.catalog.application.ImportProgress;
import io.polyshop.catalog.application.ProductImport;
import io.polyshop.platform.web.JsonProblems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bulk import of products as NDJSON (one product per line). The body is read line by line as it
 * arrives, so files of any size stream through; the answer reports every rejected line with its
 * number and reason. {@code GET} shows running and recent imports with their progress.
 */
@RestController
@RequestMapping("/api/v1/admin/product-imports")
class ProductImportController {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_LINE = 64 * 1024;

    private final ProductImport imports;
    private final JsonMapper json;

    ProductImportController(ProductImport imports, JsonMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PostMapping(consumes = NDJSON)
    @RequestBody(
            required = true,
            description = "One product per line, as `POST /api/v1/admin/products` takes it, with an optional"
                    + " `status` (DRAFT, ACTIVE or ARCHIVED); a line of more than 65,536 characters is rejected",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = "string")))
    ImportProgress.Snapshot run(HttpServletRequest request) throws IOException {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8))) {
            return imports.run(new Lines(reader));
        }
    }

    @GetMapping
    List<ImportProgress.Snapshot> recent() {
        return imports.recent();
    }

    private static ImportLine.Status status(JsonNode status) {
        if (status == null || status.isNull()) {
            return ImportLine.Status.DRAFT;
        }
        if (!status.isString()) {
            return null;
        }
        return switch (status.asString()) {
            case "DRAFT" -> ImportLine.Status.DRAFT;
            case "ACTIVE" -> ImportLine.Status.ACTIVE;
            case "ARCHIVED" -> ImportLine.Status.ARCHIVED;
            default -> null;
        };
    }

    /**
     * The body's non-blank lines, each parsed into an import line or marked unreadable. A line is
     * read up to {@link #MAX_LINE} characters; the rest of a longer one is skipped as it streams by,
     * never held in memory.
     */
    private final class Lines implements Iterator<ImportLine> {

        private final BufferedReader reader;
        private final StringBuilder buffer = new StringBuilder();
        private long number;
        private String next;
        private boolean nextTooLong;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    if (!readLine()) {
                        return false;
                    }
                    number++;
                    if (nextTooLong || !buffer.toString().isBlank()) {
                        next = buffer.toString();
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Reads one line into the buffer (or marks it too long); false at the end of the body. */
        private boolean readLine() throws IOException {
            buffer.setLength(0);
            nextTooLong = false;
            int read = reader.read();
            if (read == -1) {
                return false;
            }
            while (read != -1 && read != '\n') {
                if (buffer.length() < MAX_LINE) {
                    buffer.append((char) read);
                } else {
                    nextTooLong = true;
                }
                read = reader.read();
            }
            if (!buffer.isEmpty() && buffer.charAt(buffer.length() - 1) == '\r') {
                buffer.setLength(buffer.length() - 1);
            }
            return true;
        }

        @Override
        public ImportLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String line = next;
            next = null;
            if (nextTooLong) {
                return ImportLine.unreadable(number, "the line is longer than " + MAX_LINE + " characters");
            }
            try {
                // A line is a product as the admin API takes it, plus the status it asks for.
                if (!(json.readTree(line) instanceof ObjectNode product)) {
                    return ImportLine.unreadable(number, "the line is not a product object");
                }
                JsonNode requested = product.remove("status");
                ImportLine.Status status = status(requested);
                if (status == null) {
                    return ImportLine.unreadable(number, "status must be DRAFT, ACTIVE or ARCHIVED");
                }
                return ImportLine.of(
                        number, json.treeToValue(product, ProductRequest.class).toDraft(), status);
            } catch (JacksonException e) {
                return ImportLine.unreadable(number, "not a product in JSON: " + JsonProblems.describe(e));
            }
        }
    }
}
