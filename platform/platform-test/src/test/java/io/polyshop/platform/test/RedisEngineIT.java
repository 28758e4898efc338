package io.polyshop.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

class RedisEngineIT {

    @Test
    void incrementsAndExpiresKeysThroughLettuce() {
        RedisClient client = RedisClient.create(TestEngines.redisUri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();

            redis.set("cart:42", "3");
            redis.incrby("cart:42", 2);
            redis.expire("cart:42", 60);

            assertThat(redis.get("cart:42")).isEqualTo("5");
            assertThat(redis.ttl("cart:42")).isBetween(1L, 60L);
            assertThat(redis.info("server")).contains("redis_version:");
        } finally {
            client.shutdown();
        }
    }
}
