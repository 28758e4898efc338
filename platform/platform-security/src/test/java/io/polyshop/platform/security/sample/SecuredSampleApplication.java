package io.polyshop.platform.security.sample;

import io.polyshop.platform.security.Caller;
import io.polyshop.platform.security.GuardedEndpoints;
import io.polyshop.platform.security.OwnedResource;
import io.polyshop.platform.security.Ownership;
import io.polyshop.platform.security.Permission;
import io.polyshop.platform.security.PublicEndpoints;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service with an open, a customer, an owned and a back-office resource. */
@SpringBootApplication
public class SecuredSampleApplication {

    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.of("GET /api/v1/catalog/**", "GET /v3/api-docs");
    }

    @Bean
    GuardedEndpoints guardedEndpoints() {
        return GuardedEndpoints.builder()
                .readWrite("/api/v1/admin/reports/**", Permission.ORDER_READ_ANY, Permission.ORDER_WRITE_ANY)
                .build();
    }

    record Report(@NotBlank String headline) {}

    @RestController
    static class Resources {

        @GetMapping("/api/v1/catalog/ping")
        Map<String, String> open() {
            return Map.of("catalog", "open to everyone");
        }

        @GetMapping("/api/v1/me")
        Caller me() {
            return Caller.current().orElseThrow();
        }

        @GetMapping("/api/v1/carts/{customerId}")
        Map<String, String> cart(@PathVariable String customerId) {
            Ownership.requireReader(OwnedResource.CART, customerId, customerId);
            return Map.of("owner", customerId);
        }

        @PutMapping("/api/v1/carts/{customerId}")
        Map<String, String> changeCart(@PathVariable String customerId) {
            Ownership.requireWriter(OwnedResource.CART, customerId, customerId);
            return Map.of("owner", customerId);
        }

        @GetMapping("/api/v1/admin/reports")
        Map<String, String> reports() {
            return Map.of("report", "sales");
        }

        @PostMapping("/api/v1/admin/reports")
        Map<String, String> addReport(@Valid @RequestBody Report report) {
            return Map.of("report", report.headline());
        }

        @PostMapping("/api/v1/notes")
        Map<String, Integer> note(@RequestBody String text) {
            return Map.of("length", text.length());
        }
    }
}
