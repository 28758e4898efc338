package io.polyshop.platform.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code polyshop.web}.
 *
 * @param maxRequestSize the largest request body accepted; larger ones get 413
 * @param largeBodies endpoints that take streamed bodies (bulk imports) with their own, larger limit
 */
@ConfigurationProperties("polyshop.web")
public record WebProperties(DataSize maxRequestSize, List<LargeBody> largeBodies) {

    public WebProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
        largeBodies = largeBodies == null ? List.of() : List.copyOf(largeBodies);
    }

    /**
     * @param path a request path, exactly as the handler maps it
     * @param maxSize the largest body accepted on it
     */
    public record LargeBody(String path, DataSize maxSize) {}

    /** The limit for a request to {@code path}. */
    public long maxBytesFor(String path) {
        return largeBodies.stream()
                .filter(body -> body.path().equals(path))
                .mapToLong(body -> body.maxSize().toBytes())
                .findFirst()
                .orElse(maxRequestSize.toBytes());
    }
}
