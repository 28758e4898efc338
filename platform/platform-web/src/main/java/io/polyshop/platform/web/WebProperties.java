package io.polyshop.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code polyshop.web}.
 *
 * @param maxRequestSize the largest request body accepted; larger ones get 413
 */
@ConfigurationProperties("polyshop.web")
public record WebProperties(DataSize maxRequestSize) {

    public WebProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
    }
}
