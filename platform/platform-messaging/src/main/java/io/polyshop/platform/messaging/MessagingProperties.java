package io.polyshop.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code polyshop.messaging}.
 *
 * @param maxAttempts handling attempts before a consumed event that failed for a reason that is
 *     neither transient nor known to be permanent goes to the dead-letter topic
 * @param retryInterval pause between those attempts
 * @param transientBackoff first pause after a transient failure (a store or broker away, a
 *     timeout); it doubles, with jitter, up to {@code maxTransientBackoff}, and the partition waits
 *     until the event is handled: a transient failure never dead-letters anything
 * @param maxTransientBackoff the longest of those pauses
 * @param deadLetterSuffix appended to a topic's name to name its dead-letter topic
 * @param maxConsumerLag records a consumer may trail its partition before health reports DOWN
 * @param maxDeadLetters dead letters waiting for a replay before health reports DOWN
 * @param outbox the relay's settings
 * @param dynamodb where the DynamoDB outbox keeps its events
 */
@ConfigurationProperties("polyshop.messaging")
public record MessagingProperties(
        Integer maxAttempts,
        Duration retryInterval,
        Duration transientBackoff,
        Duration maxTransientBackoff,
        String deadLetterSuffix,
        Long maxConsumerLag,
        Long maxDeadLetters,
        Relay outbox,
        DynamoDb dynamodb) {

    public MessagingProperties {
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryInterval = retryInterval == null ? Duration.ofMillis(200) : retryInterval;
        transientBackoff = transientBackoff == null ? Duration.ofMillis(200) : transientBackoff;
        maxTransientBackoff = maxTransientBackoff == null ? Duration.ofSeconds(10) : maxTransientBackoff;
        deadLetterSuffix = deadLetterSuffix == null ? ".dlt" : deadLetterSuffix;
        maxConsumerLag = maxConsumerLag == null ? 10_000L : maxConsumerLag;
        maxDeadLetters = maxDeadLetters == null ? 0L : maxDeadLetters;
        outbox = outbox == null ? new Relay(null, null, null, null, null, null, null) : outbox;
        dynamodb = dynamodb == null ? new DynamoDb(null, null) : dynamodb;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("polyshop.messaging.max-attempts must be at least 1");
        }
        if (transientBackoff.isNegative()
                || transientBackoff.isZero()
                || maxTransientBackoff.compareTo(transientBackoff) < 0) {
            throw new IllegalArgumentException("polyshop.messaging.transient-backoff must be positive and at most"
                    + " polyshop.messaging.max-transient-backoff");
        }
    }

    /**
     * @param batchSize events read and sent per relay round
     * @param idlePoll how long the relay waits for a commit signal before looking again
     * @param initialBackoff first pause after Kafka refused a batch; doubles up to maxBackoff
     * @param maxBackoff longest pause between attempts while Kafka is away
     * @param unhealthyAge the oldest pending event's age at which health reports DOWN
     * @param retention how long published rows are kept before they are deleted
     * @param documentSweep how often the document relay looks through whole collections for events
     *     nobody told it about (written by another instance, or left by a failed round); on a store
     *     without a partial index on the outbox array that reads every document
     */
    public record Relay(
            Integer batchSize,
            Duration idlePoll,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration unhealthyAge,
            Duration retention,
            Duration documentSweep) {

        public Relay {
            batchSize = batchSize == null ? 500 : batchSize;
            idlePoll = idlePoll == null ? Duration.ofMillis(500) : idlePoll;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(100) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
            unhealthyAge = unhealthyAge == null ? Duration.ofMinutes(5) : unhealthyAge;
            retention = retention == null ? Duration.ofDays(7) : retention;
            documentSweep = documentSweep == null ? Duration.ofSeconds(5) : documentSweep;
        }
    }

    /**
     * @param outboxTable the outbox table; {@code <spring.application.name>_outbox} when unset
     * @param outboxShards partitions the outbox is spread over (a key always lands in the same one)
     */
    public record DynamoDb(String outboxTable, Integer outboxShards) {

        public DynamoDb {
            outboxShards = outboxShards == null ? 4 : outboxShards;
            if (outboxShards < 1) {
                throw new IllegalArgumentException("polyshop.messaging.dynamodb.outbox-shards must be at least 1");
            }
        }

        public String outboxTable(String serviceName) {
            return outboxTable == null ? serviceName + "_outbox" : outboxTable;
        }
    }
}
