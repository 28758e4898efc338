package io.polyshop.cart.adapter.out.redis;

import io.polyshop.cart.application.port.out.AnonymousCartQuotas;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A counter per client address that lives for the window: checked and counted in one script. */
public class RedisAnonymousCartQuotas implements AnonymousCartQuotas {

    private final StringRedisTemplate redis;
    private final int perClient;
    private final Duration window;

    public RedisAnonymousCartQuotas(StringRedisTemplate redis, int perClient, Duration window) {
        this.redis = redis;
        this.perClient = perClient;
        this.window = window;
    }

    @Override
    public Optional<Duration> take(String clientAddress) {
        Long waitMillis = redis.execute(
                CartScripts.QUOTA_TAKE,
                List.of("quota:anonymous-carts:" + clientAddress),
                Integer.toString(perClient),
                Long.toString(window.toMillis()));
        return waitMillis == null || waitMillis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(waitMillis));
    }
}
