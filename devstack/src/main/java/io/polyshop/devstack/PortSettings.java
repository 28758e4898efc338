package io.polyshop.devstack;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Ports come from the descriptors, and each one can be overridden by an environment variable named
 * after its key: {@code identity.postgres.port} → {@code POLYSHOP_PORT_IDENTITY_POSTGRES_PORT}.
 */
record PortSettings(Map<String, String> environment) {

    static String variableFor(String key) {
        return "POLYSHOP_PORT_" + key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_");
    }

    int port(Properties properties, String propertyKey, String fullKey, String where) {
        String variable = variableFor(fullKey);
        String value = environment.getOrDefault(variable, properties.getProperty(propertyKey));
        if (value == null) {
            throw new DevstackException(where + ": no '" + propertyKey + "' given");
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1024 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new DevstackException(where + ": '" + value + "' for " + fullKey + " (or " + variable
                    + ") is not a port between 1024 and 65535");
        }
    }
}
