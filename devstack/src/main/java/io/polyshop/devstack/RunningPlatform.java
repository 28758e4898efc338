package io.polyshop.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The addresses of what ./polyshop up started, read from its status file, for tools that talk to it. */
public record RunningPlatform(Map<String, String> readyAddresses) {

    public static RunningPlatform read(Path root) {
        Path status = root.resolve(".polyshop/run/status.tsv");
        if (!Files.isRegularFile(status)) {
            throw new IllegalStateException("the platform is not running: start it with ./polyshop up");
        }
        try {
            Map<String, String> ready = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(status);
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.split("\t", -1);
                if (columns.length >= 4 && columns[2].equals("ready")) {
                    ready.put(columns[0], columns[3]);
                }
            }
            return new RunningPlatform(ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url(String service) {
        String address = readyAddresses.get(service);
        if (address == null) {
            throw new IllegalStateException(service + " is not running: start the platform with ./polyshop up");
        }
        return URI.create(address.startsWith("http") ? address : "http://" + address);
    }
}
