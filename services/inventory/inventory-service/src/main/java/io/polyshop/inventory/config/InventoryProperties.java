package io.polyshop.inventory.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code polyshop.inventory}.
 *
 * @param dynamodbEndpoint a DynamoDB to talk to (DynamoDB Local); unset means AWS itself, with the
 *     default credentials chain
 * @param region the AWS region
 * @param tablePrefix put before every table name
 * @param reservationTtl how long an unconfirmed reservation holds stock
 * @param lowStockThreshold available stock under which {@code StockLow} goes out
 * @param expirySweep how often expired reservations are looked for
 * @param lowStockWatch how often SKUs whose stock moved are checked against the threshold
 */
@ConfigurationProperties("polyshop.inventory")
public record InventoryProperties(
        URI dynamodbEndpoint,
        String region,
        String tablePrefix,
        Duration reservationTtl,
        Long lowStockThreshold,
        Duration expirySweep,
        Duration lowStockWatch) {

    public InventoryProperties {
        region = region == null ? "eu-west-1" : region;
        tablePrefix = tablePrefix == null ? "inventory_" : tablePrefix;
        reservationTtl = reservationTtl == null ? Duration.ofMinutes(15) : reservationTtl;
        lowStockThreshold = lowStockThreshold == null ? 10L : lowStockThreshold;
        expirySweep = expirySweep == null ? Duration.ofSeconds(5) : expirySweep;
        lowStockWatch = lowStockWatch == null ? Duration.ofMillis(500) : lowStockWatch;
    }
}
