package io.polyshop.e2e;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.polyshop.platform.test.ApiClient;
import io.polyshop.platform.test.PostgresDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * What a service keeps in its store, counted per table, collection or key space: two readings that
 * differ mean something was written in between. Bookkeeping that a refused request may leave (the
 * throttles' attempt records, stored idempotent answers) and the messaging tables a relay drains on
 * its own are not state in this sense and are left out.
 */
final class StoreState {

    private static final List<String> NOT_STATE =
            List.of("flyway", "attempt", "idempotency", "outbox", "inbox", "consumed", "parked");

    private StoreState() {}

    static Supplier<Map<String, Long>> postgres(PostgresDatabase database) {
        return () -> {
            Map<String, Long> counts = new TreeMap<>();
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet found = statement.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                    while (found.next()) {
                        tables.add(found.getString(1));
                    }
                }
                for (String table : tables) {
                    if (isState(table)) {
                        try (ResultSet count = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                            count.next();
                            counts.put(table, count.getLong(1));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not count " + database.jdbcUrl(), e);
            }
            return counts;
        };
    }

    static Supplier<Map<String, Long>> mongo(String uri) {
        return () -> {
            Map<String, Long> counts = new TreeMap<>();
            try (MongoClient client = MongoClients.create(uri)) {
                var database = client.getDatabase(new ConnectionString(uri).getDatabase());
                for (String collection : database.listCollectionNames()) {
                    if (isState(collection)) {
                        counts.put(
                                collection, database.getCollection(collection).countDocuments());
                    }
                }
            }
            return counts;
        };
    }

    static Supplier<Map<String, Long>> redisKeys(String uri, String pattern) {
        return () -> {
            try (RedisClient client = RedisClient.create(uri);
                    StatefulRedisConnection<String, String> connection = client.connect()) {
                return Map.of(pattern, (long) connection.sync().keys(pattern).size());
            }
        };
    }

    static Supplier<Map<String, Long>> dynamoDb(String endpoint, String tablePrefix) {
        return () -> {
            Map<String, Long> counts = new TreeMap<>();
            try (DynamoDbClient dynamo = DynamoDbClient.builder()
                    .endpointOverride(URI.create(endpoint))
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build()) {
                for (String table : dynamo.listTables().tableNames()) {
                    if (table.startsWith(tablePrefix) && isState(table)) {
                        counts.put(table, (long)
                                dynamo.scan(scan -> scan.tableName(table).select(Select.COUNT))
                                        .count());
                    }
                }
            }
            return counts;
        };
    }

    static Supplier<Map<String, Long>> openSearch(String url, String index) {
        return () -> {
            ApiClient.Response count = ApiClient.at(url).get("/" + index + "/_count");
            return Map.of(
                    index, count.status() == 200 ? count.json().path("count").asLong() : -1L);
        };
    }

    private static boolean isState(String name) {
        String lower = name.toLowerCase();
        return NOT_STATE.stream().noneMatch(lower::contains);
    }
}
