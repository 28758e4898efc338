package io.polyshop.platform.web.sample;

import io.polyshop.platform.web.ConflictException;
import io.polyshop.platform.web.ResourceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A small HTTP service exercising every error path the platform translates. */
@SpringBootApplication
public class WebSampleApplication {

    public record CreateItem(
            @NotBlank @Size(max = 40) String name,
            @NotNull @DecimalMin("0.00") BigDecimal price) {}

    public record Item(UUID id, String name) {}

    /** Stands for the process dying mid-request. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after the effect");
        }
    }

    @RestController
    static class Items {

        private static final Logger log = LoggerFactory.getLogger(Items.class);
        private final JdbcClient jdbc;
        private final AtomicBoolean dyingOnce = new AtomicBoolean();

        Items(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @PostMapping("/api/v1/items")
        @ResponseStatus(HttpStatus.CREATED)
        Item create(@Valid @RequestBody CreateItem command) {
            Item item = new Item(UUID.randomUUID(), command.name());
            jdbc.sql("insert into sample_item (id, name) values (?, ?)")
                    .params(item.id(), item.name())
                    .update();
            log.info("created item {}", item.id());
            return item;
        }

        @GetMapping("/api/v1/items/{id}")
        Item find(@PathVariable UUID id) {
            return jdbc.sql("select id, name from sample_item where id = ?")
                    .param(id)
                    .query(Item.class)
                    .optional()
                    .orElseThrow(() -> new ResourceNotFoundException("item", id));
        }

        /**
         * Creates the item, then the process "dies" before the response is stored or sent: an
         * Error no handler catches, as close to a kill as one JVM can stage it.
         */
        @PostMapping("/api/v1/items/dying")
        @ResponseStatus(HttpStatus.CREATED)
        Item createAndDie(@Valid @RequestBody CreateItem command) {
            Item item = create(command);
            if (dyingOnce.compareAndSet(true, false)) {
                throw new SimulatedCrash();
            }
            return item;
        }

        @PostMapping("/api/v1/items/dying/armed")
        void dieOnTheNextCreation() {
            dyingOnce.set(true);
        }

        @PostMapping("/api/v1/items/{id}/archive")
        void archive(@PathVariable UUID id) {
            throw new ConflictException("item " + id + " is already archived");
        }

        @GetMapping("/api/v1/boom")
        Item boom() {
            throw new IllegalStateException("database password is hunter2");
        }
    }
}
