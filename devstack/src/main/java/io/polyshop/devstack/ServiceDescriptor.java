package io.polyshop.devstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** What devstack/services/NAME.properties says about one service. */
record ServiceDescriptor(
        String name,
        String description,
        int port,
        int managementPort,
        Path jar,
        List<StoreInstance> stores,
        List<String> routes) {

    /** One store server owned by one service, e.g. {@code identity-postgres}. */
    record StoreInstance(String owner, Store store, int port, int transportPort) {

        String name() {
            return owner + "-" + store.key();
        }
    }

    /** The description with the stores the service owns, as the status table shows it. */
    String summary() {
        String owned =
                stores.stream().map(store -> store.store().key()).collect(java.util.stream.Collectors.joining(", "));
        return owned.isEmpty() ? description : description + " [" + owned + "]";
    }

    static ServiceDescriptor read(Path file, Path root, PortSettings ports) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new DevstackException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        String where = root.relativize(file).toString();
        String name = required(properties, "name", where);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new DevstackException(where + ": name '" + name + "' must be lower-case letters, digits and dashes");
        }
        List<StoreInstance> stores = Arrays.stream(
                        properties.getProperty("stores", "").split(","))
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .map(key -> {
                    Store store = Store.fromKey(key, where);
                    int port = ports.port(properties, key + ".port", name + "." + key + ".port", where);
                    int transportPort = store == Store.OPENSEARCH
                            ? ports.port(
                                    properties, key + ".transport-port", name + "." + key + ".transport-port", where)
                            : 0;
                    return new StoreInstance(name, store, port, transportPort);
                })
                .toList();
        List<String> routes = Arrays.stream(properties.getProperty("routes", "").split(","))
                .map(String::strip)
                .filter(path -> !path.isEmpty())
                .toList();
        int port = ports.port(properties, "port", name + ".port", where);
        // The operator's port, as every service has it when nobody says: the service port + 1000.
        properties.putIfAbsent("management.port", Integer.toString(port + 1000));
        return new ServiceDescriptor(
                name,
                properties.getProperty("description", ""),
                port,
                ports.port(properties, "management.port", name + ".management.port", where),
                root.resolve(required(properties, "jar", where)),
                stores,
                routes);
    }

    private static String required(Properties properties, String key, String where) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new DevstackException(where + ": '" + key + "' is missing");
        }
        return value.strip();
    }
}
